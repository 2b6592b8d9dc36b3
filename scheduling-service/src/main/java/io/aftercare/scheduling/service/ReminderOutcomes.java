package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.events.NotificationStatus;
import io.aftercare.scheduling.ReminderState;
import io.aftercare.scheduling.repository.NotifiedReminders;

/** What became of each dispatched reminder, as the notification service reports it on {@code notification-status}. */
@ApplicationScoped
public class ReminderOutcomes {

    private final NotifiedReminders notified;
    private final Clock clock;

    public ReminderOutcomes(NotifiedReminders notified, Clock clock) {
        this.notified = notified;
        this.clock = clock;
    }

    /**
     * Delivered and failed also move the reminder's state; a late "failed" never overwrites "delivered". Once per
     * event id: the id is recorded in the same statement that changes the reminder.
     */
    public void reported(String eventId, NotificationStatus event) {
        Instant now = clock.instant();
        ReminderState state = switch (event.status()) {
            case "delivered" -> ReminderState.DELIVERED;
            case "failed", "undelivered", "suppressed" -> ReminderState.FAILED;
            default -> null;
        };
        notified.recordOnce(eventId, now, event, state, event.at() == null ? now : event.at());
    }
}
