package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.scheduling.config.DispatchConfig;
import io.aftercare.scheduling.messaging.ReminderDue;
import io.aftercare.scheduling.messaging.ReminderDuePublisher;
import io.aftercare.scheduling.metrics.SchedulingMetrics;
import io.aftercare.scheduling.repository.DueReminderClaims;
import io.smallrye.mutiny.Uni;

/**
 * Moves due timers from PostgreSQL to Kafka. A batch is claimed with row locks, published, and marked dispatched
 * only after the broker acknowledged every event; if anything fails the transaction rolls back and the rows are
 * claimed again later. The event id stays the reminder id, so a republished event is recognised downstream. A
 * reminder past its validity when claimed (after downtime, say) is expired instead: stale advice is worse than none.
 */
@ApplicationScoped
public class DueReminderDispatcher {

    private static final Logger LOG = Logger.getLogger(DueReminderDispatcher.class);

    private final DueReminderClaims claims;
    private final ReminderDuePublisher publisher;
    private final DispatchConfig config;
    private final SchedulingMetrics metrics;
    private final Clock clock;

    public DueReminderDispatcher(DueReminderClaims claims, ReminderDuePublisher publisher, DispatchConfig config,
            SchedulingMetrics metrics, Clock clock) {
        this.claims = claims;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Dispatches one batch and says how many rows it claimed, so the caller knows whether more may be due. */
    @Transactional
    public int dispatchBatch() {
        Instant now = clock.instant();
        List<DueReminderClaims.Claimed> due = claims.claim(now, config.batchSize());
        List<UUID> dispatched = new ArrayList<>(due.size());
        List<Duration> lateness = new ArrayList<>(due.size());
        List<UUID> expired = new ArrayList<>();
        List<Uni<Void>> acknowledgements = new ArrayList<>(due.size());
        for (DueReminderClaims.Claimed claimed : due) {
            ReminderDue reminder = claimed.event();
            if (!reminder.expiresAt().isAfter(now)) {
                expired.add(reminder.reminderId());
            } else {
                dispatched.add(reminder.reminderId());
                lateness.add(Duration.between(reminder.dueAt(), now));
                acknowledgements.add(publisher.publish(claimed.eventId(), reminder, now));
            }
        }
        if (!acknowledgements.isEmpty()) {
            Uni.join().all(acknowledgements).andFailFast().await().atMost(config.ackTimeout());
        }
        claims.mark(dispatched, "DISPATCHED", now);
        claims.mark(expired, "EXPIRED", now);
        if (!due.isEmpty()) {
            metrics.dispatched(dispatched.size(), lateness);
            metrics.expired("dispatch", expired.size());
            LOG.infof("dispatched %d reminder(s), expired %d", dispatched.size(), expired.size());
        }
        return due.size();
    }
}
