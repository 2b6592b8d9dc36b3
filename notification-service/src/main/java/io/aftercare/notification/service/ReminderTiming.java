package io.aftercare.notification.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.events.ReminderDue;
import io.aftercare.notification.DeliveryKind;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.config.DeliveryConfig;
import io.aftercare.notification.repository.DeliveryRepository;

/**
 * When a reminder that just arrived goes: never when it is already stale; now when it is urgent or on time (its plan
 * already chose the moment, in the clinic's send window, and {@code aftercare.delivery.on-time-grace} allows for the
 * trip); else when the patient's send window opens, so a backlog never texts at night.
 */
@ApplicationScoped
public class ReminderTiming {

    private final SendWindows windows;
    private final Duration onTimeGrace;

    public ReminderTiming(SendWindows windows, DeliveryConfig config) {
        this.windows = windows;
        this.onTimeGrace = config.onTimeGrace();
    }

    /** The delivery an event makes: expired when stale, else due now or when the patient's send window opens. */
    DeliveryRepository.NewDelivery delivery(DeliveryIntake.Received one, Instant now) {
        ReminderDue event = one.event();
        boolean stale = !event.expiresAt().isAfter(now);
        boolean onTime = event.dueAt() == null || !now.isAfter(event.dueAt().plus(onTimeGrace));
        Instant sendAt = event.urgent() || onTime ? now : windows.nextOpening(now, event.recipient().timeZone());
        DeliveryStatus status = stale
                ? DeliveryStatus.EXPIRED
                : sendAt.isAfter(now) ? DeliveryStatus.WAITING : DeliveryStatus.PENDING;
        String reason = stale ? "arrived after its validity ended at " + event.expiresAt() : null;
        return new DeliveryRepository.NewDelivery(one.eventId(), DeliveryKind.REMINDER, event, one.eventJson(), status,
                reason, stale ? null : sendAt, now);
    }
}
