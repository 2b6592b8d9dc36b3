package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.scheduling.repository.ReminderCreatedCounts;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps {@code reminder_created_count} (V11) small: every insert statement on {@code reminder} adds a row there, so
 * each closed hour's rows of a clinic are merged into one, and hours older than the overview's longest period (90 days)
 * are dropped. Two instances doing this at once count nothing twice: a row is merged by the one that deleted it.
 */
@ApplicationScoped
public class ReminderCountsCompaction {

    static final Duration KEPT = Duration.ofDays(91);

    private final ReminderCreatedCounts counts;
    private final Clock clock;

    public ReminderCountsCompaction(ReminderCreatedCounts counts, Clock clock) {
        this.counts = counts;
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
        counts.dropBefore(currentHour.minus(KEPT));
        return counts.mergeHoursBefore(currentHour);
    }
}
