package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

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

    /** A status event and its CloudEvent id, the key that makes it count once. */
    public record Reported(String eventId, NotificationStatus event) {
    }

    /**
     * Delivered and failed also move the reminder's state; a late "failed" never overwrites "delivered". Once per
     * event id: the id is recorded in the same statement that changes the reminder.
     */
    public void reported(String eventId, NotificationStatus event) {
        Instant now = clock.instant();
        notified.recordOnce(now, outcome(new Reported(eventId, event), now));
    }

    /**
     * A poll's events, as {@link #reported(String, NotificationStatus)} one after the other in their order, in one
     * transaction: all are recorded, or none when one of them cannot be.
     */
    public void reportedAll(List<Reported> events) {
        Instant now = clock.instant();
        notified.recordAllOnce(now, events.stream().map(reported -> outcome(reported, now)).toList());
    }

    private static NotifiedReminders.Outcome outcome(Reported reported, Instant now) {
        NotificationStatus event = reported.event();
        ReminderState state = switch (event.status()) {
            case "delivered" -> ReminderState.DELIVERED;
            case "failed", "undelivered", "suppressed" -> ReminderState.FAILED;
            default -> null;
        };
        return new NotifiedReminders.Outcome(reported.eventId(), event, state, event.at() == null ? now : event.at());
    }
}
