package io.aftercare.notification.service;

import java.time.Instant;
import java.util.Locale;

import io.aftercare.events.NotificationStatus;
import io.aftercare.events.RecipientPreferenceChanged;
import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryKind;
import io.aftercare.notification.messaging.EventOutbox;

/**
 * What recording a delivery's outcome has to tell the others, written to the outbox in the same transaction: each
 * reminder's outcome, each reminder given up (dead-letter topic), each number the provider reported unsubscribed.
 * Only reminders are reported: scheduling knows nothing of the texts to patients who wrote to us.
 */
final class DeliveryAnnouncements {

    private DeliveryAnnouncements() {
    }

    static void outcome(EventOutbox outbox, Delivery delivery, String reason, Instant at) {
        if (delivery.kind == DeliveryKind.REMINDER) {
            outbox.status(delivery.eventId, new NotificationStatus(delivery.reminderId, delivery.clinicId,
                    delivery.bookingId, lower(delivery.status), lower(delivery.channel), reason, at));
        }
    }

    static void givenUp(EventOutbox outbox, Delivery delivery, String reason) {
        outbox.deadLetter(delivery.eventId, delivery.bookingId.toString(), delivery.event, reason,
                delivery.attempts);
    }

    static void optedOut(EventOutbox outbox, String phone, String sender, boolean deploymentSender, Instant at) {
        outbox.preference(new RecipientPreferenceChanged("sms", phone, true, at, sender, deploymentSender));
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
