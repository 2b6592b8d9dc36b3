package io.aftercare.scheduling.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * Keeps {@code reminder_created_count} (V11) small: every insert statement on {@code reminder} adds a row there, so
 * each closed hour's rows of a clinic are merged into one, and hours older than the overview's longest period (90 days)
 * are dropped. Two instances doing this at once count nothing twice: a row is merged by the one that deleted it.
 */
@ApplicationScoped
public class ReminderCountsCompaction {

    static final Duration KEPT = Duration.ofDays(91);

    private final EntityManager entityManager;
    private final Clock clock;

    public ReminderCountsCompaction(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "${aftercare.ops.count-compaction-interval:1m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        compact();
    }

    /** @return how many rows the merge left in place of the ones it read */
    @Transactional
    public int compact() {
        Instant currentHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        entityManager.createNativeQuery("DELETE FROM reminder_created_count WHERE hour < :oldest")
                .setParameter("oldest", currentHour.minus(KEPT))
                .executeUpdate();
        return entityManager.createNativeQuery("""
                WITH crowded AS (
                    SELECT clinic_id, hour FROM reminder_created_count WHERE hour < :currentHour
                    GROUP BY clinic_id, hour HAVING count(*) > 1),
                merged AS (
                    DELETE FROM reminder_created_count c USING crowded
                    WHERE c.clinic_id = crowded.clinic_id AND c.hour = crowded.hour
                    RETURNING c.clinic_id, c.hour, c.reminders)
                INSERT INTO reminder_created_count (clinic_id, hour, reminders)
                SELECT clinic_id, hour, sum(reminders) FROM merged GROUP BY clinic_id, hour
                """).setParameter("currentHour", currentHour).executeUpdate();
    }
}
