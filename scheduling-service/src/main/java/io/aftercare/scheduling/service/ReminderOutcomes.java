package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.events.NotificationStatus;
import io.aftercare.scheduling.ReminderState;
import io.aftercare.scheduling.repository.NotifiedReminders;
import io.aftercare.scheduling.repository.ProcessedEvents;

/** What became of each dispatched reminder, as the notification service reports it on {@code notification-status}. */
@ApplicationScoped
public class ReminderOutcomes {

    private final ProcessedEvents processed;
    private final NotifiedReminders notified;
    private final Clock clock;

    public ReminderOutcomes(ProcessedEvents processed, NotifiedReminders notified, Clock clock) {
        this.processed = processed;
        this.notified = notified;
        this.clock = clock;
    }

    /** Delivered and failed also move the reminder's state; a late "failed" never overwrites "delivered". */
    @Transactional
    public void reported(String eventId, NotificationStatus event) {
        Instant now = clock.instant();
        if (!processed.firstTime(eventId, now)) {
            return;
        }
        ReminderState state = switch (event.status()) {
            case "delivered" -> ReminderState.DELIVERED;
            case "failed", "undelivered", "suppressed" -> ReminderState.FAILED;
            default -> null;
        };
        notified.record(event, state, event.at() == null ? now : event.at());
    }
}
