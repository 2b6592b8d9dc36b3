package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.scheduling.Reminder;
import io.aftercare.scheduling.ReminderState;
import io.aftercare.scheduling.config.DispatchConfig;
import io.aftercare.scheduling.messaging.ReminderDuePublisher;
import io.aftercare.scheduling.repository.ReminderRepository;
import io.smallrye.mutiny.Uni;

/**
 * Moves due timers from PostgreSQL to Kafka. A batch is claimed with row locks, published, and marked dispatched
 * only after the broker acknowledged every event; if anything fails the transaction rolls back and the rows are
 * claimed again later. The event id stays the reminder id, so a republished event is recognised downstream.
 */
@ApplicationScoped
public class DueReminderDispatcher {

    private static final Logger LOG = Logger.getLogger(DueReminderDispatcher.class);

    private final ReminderRepository reminders;
    private final ReminderDuePublisher publisher;
    private final DispatchConfig config;
    private final Clock clock;

    public DueReminderDispatcher(ReminderRepository reminders, ReminderDuePublisher publisher, DispatchConfig config,
            Clock clock) {
        this.reminders = reminders;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
    }

    /** Dispatches one batch and says how many rows it claimed, so the caller knows whether more may be due. */
    @Transactional
    public int dispatchBatch() {
        Instant now = clock.instant();
        List<Reminder> due = reminders.claimDue(now, config.batchSize());
        List<Uni<Void>> acknowledgements = new ArrayList<>();
        int expired = 0;
        for (Reminder reminder : due) {
            if (!reminder.expiresAt.isAfter(now)) {
                reminder.state = ReminderState.EXPIRED;
                expired++;
            } else {
                acknowledgements.add(publisher.publish(reminder, now));
            }
        }
        if (!acknowledgements.isEmpty()) {
            Uni.join().all(acknowledgements).andFailFast().await().atMost(config.ackTimeout());
        }
        for (Reminder reminder : due) {
            if (reminder.state == ReminderState.PLANNED) {
                reminder.state = ReminderState.DISPATCHED;
                reminder.dispatchedAt = now;
            }
        }
        if (!due.isEmpty()) {
            LOG.infof("dispatched %d reminder(s), expired %d", due.size() - expired, expired);
        }
        return due.size();
    }
}
