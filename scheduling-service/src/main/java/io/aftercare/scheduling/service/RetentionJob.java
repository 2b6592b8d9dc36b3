package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.scheduling.config.RetentionConfig;
import io.aftercare.scheduling.repository.ProcessedEvents;
import io.quarkus.scheduler.Scheduled;

/** Prunes the processed-event ids past their retention, batch by batch, each batch its own transaction. */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final ProcessedEvents processed;
    private final RetentionConfig config;
    private final Clock clock;

    public RetentionJob(ProcessedEvents processed, RetentionConfig config, Clock clock) {
        this.processed = processed;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${aftercare.retention.interval:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        prune();
    }

    /** @return how many ids were deleted */
    public long prune() {
        Instant before = clock.instant().minus(config.processedEvents());
        long total = 0;
        int deleted;
        do {
            deleted = processed.deleteOlderThan(before, config.batchSize());
            total += deleted;
        } while (deleted == config.batchSize());
        if (total > 0) {
            LOG.infof("pruned %d processed event ids older than %s", total, before);
        }
        return total;
    }
}
