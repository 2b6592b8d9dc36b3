package io.aftercare.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryKind;
import io.aftercare.notification.messaging.NotificationStatus;
import io.aftercare.notification.messaging.OutboundEvents;
import io.aftercare.notification.messaging.RecipientPreferenceChanged;
import io.smallrye.mutiny.Uni;

/**
 * What one batch of deliveries tells the others: each reminder's outcome, each reminder given up (dead-letter topic),
 * each number the provider reported unsubscribed. Collected while the batch works and sent together at its end, so
 * that no provider call waits for Kafka. Only reminders are reported: scheduling knows nothing of the texts to patients
 * who wrote to us.
 */
public final class DeliveryAnnouncements {

    private static final Logger LOG = Logger.getLogger(DeliveryAnnouncements.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final OutboundEvents events;
    private final List<Uni<Void>> pending = new ArrayList<>();

    DeliveryAnnouncements(OutboundEvents events) {
        this.events = events;
    }

    void outcome(Delivery delivery, String reason, Instant at) {
        if (delivery.kind == DeliveryKind.REMINDER) {
            pending.add(events.status(delivery.eventId, new NotificationStatus(delivery.reminderId,
                    delivery.clinicId, delivery.bookingId, lower(delivery.status), lower(delivery.channel), reason,
                    at)));
        }
    }

    void givenUp(Delivery delivery, String reason) {
        pending.add(events.deadLetter(delivery.eventId, delivery.bookingId.toString(), delivery.event, reason,
                delivery.attempts));
    }

    void optedOut(String phone, Instant at) {
        pending.add(events.preference(new RecipientPreferenceChanged("sms", phone, true, at)));
    }

    /** Waits for the broker's acknowledgements; what it did not acknowledge is logged, the rows keep the truth. */
    void send() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            Uni.join().all(pending).andCollectFailures().await().atMost(ACK_TIMEOUT);
        } catch (RuntimeException e) {
            // What was sent stays sent: rolling back here would send it twice.
            LOG.warnf("some status events of this batch were not acknowledged by Kafka: %s", e.toString());
        }
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
