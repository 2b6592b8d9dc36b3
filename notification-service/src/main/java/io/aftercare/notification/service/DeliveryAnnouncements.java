package io.aftercare.notification.service;

import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.events.NotificationStatus;
import io.aftercare.events.ReminderDue;
import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryKind;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.messaging.EventOutbox;
import io.aftercare.notification.metrics.NotificationMetrics;

/**
 * What taking a reminder in and recording a delivery's outcome have to tell the others, written to the outbox in the
 * same transaction, and counted: each reminder's outcome, each reminder given up or never readable (dead-letter
 * topic), and to the clinic's webhook endpoints each delivery that failed. Only reminders' outcomes are reported on
 * topics (scheduling knows nothing of the texts to patients who wrote to us); the provider's later reports of any text
 * are.
 */
@ApplicationScoped
public class DeliveryAnnouncements {

    private final EventOutbox outbox;
    private final ClinicWebhooks webhooks;
    private final NotificationMetrics metrics;

    public DeliveryAnnouncements(EventOutbox outbox, ClinicWebhooks webhooks, NotificationMetrics metrics) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.metrics = metrics;
    }

    /** Runs the recording of a batch, writing what it announces in one go at its end. */
    void together(Runnable recording) {
        outbox.together(recording);
    }

    /** A delivery reached its state for good: sent, failed, expired or suppressed. */
    void outcome(Delivery delivery, String reason, Instant at) {
        metrics.notification(lower(delivery.channel), lower(delivery.status));
        if (delivery.kind == DeliveryKind.REMINDER) {
            outbox.status(delivery.eventId, new NotificationStatus(delivery.reminderId, delivery.clinicId,
                    delivery.bookingId, lower(delivery.status), lower(delivery.channel), reason, at));
        }
        if (ClinicWebhooks.isFailure(delivery)) {
            webhooks.deliveryFailed(delivery, reason, at);
        }
    }

    /**
     * The provider reported a text delivered, undelivered or failed after it took it (a late "sent" is counted only):
     * reported whatever the delivery's kind, as the provider's reports always were.
     */
    void providerReported(Delivery delivery, Instant at) {
        String status = lower(delivery.status);
        metrics.notification("sms", status);
        if (delivery.status != DeliveryStatus.SENT) {
            outbox.status(delivery.eventId, new NotificationStatus(delivery.reminderId, delivery.clinicId,
                    delivery.bookingId, status, "sms", delivery.reason, at));
        }
        if (ClinicWebhooks.isFailure(delivery)) {
            webhooks.deliveryFailed(delivery, delivery.reason, at);
        }
    }

    /** A reminder given up after it failed or ran out of time: parked on the dead-letter topic. */
    void givenUp(Delivery delivery, String reason) {
        if (delivery.kind == DeliveryKind.REMINDER) {
            outbox.deadLetter(delivery.eventId, delivery.bookingId.toString(), delivery.event, reason,
                    delivery.attempts);
            metrics.deadLetter();
        }
    }

    /** A reminder that arrived after its validity ended: never sent. */
    void arrivedStale(String eventId, ReminderDue event, Instant at) {
        metrics.notification(null, "expired");
        outbox.status(eventId, new NotificationStatus(event.reminderId(), event.clinicId(), event.bookingId(),
                "expired", null, "arrived after its validity ended", at));
    }

    /** An event that could not be read or taken in: parked on the dead-letter topic with the reason. */
    void refused(String eventId, String key, String eventJson, String reason) {
        outbox.deadLetter(eventId, key, eventJson, reason, 0);
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
