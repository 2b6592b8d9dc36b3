package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.Instant;
import java.util.function.IntUnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.scheduling.config.RetentionConfig;
import io.aftercare.scheduling.repository.InboxReplyRepository;
import io.aftercare.scheduling.repository.ProcessedEvents;
import io.quarkus.scheduler.Scheduled;

/**
 * Prunes the processed-event ids and the counted inbox replies past their retention, batch by batch, each batch its
 * own transaction.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final ProcessedEvents processed;
    private final InboxReplyRepository inboxReplies;
    private final RetentionConfig config;
    private final Clock clock;

    public RetentionJob(ProcessedEvents processed, InboxReplyRepository inboxReplies, RetentionConfig config,
            Clock clock) {
        this.processed = processed;
        this.inboxReplies = inboxReplies;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${aftercare.retention.interval:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        prune();
    }

    /** @return how many ids were deleted */
    public long prune() {
        Instant now = clock.instant();
        Instant before = now.minus(config.processedEvents());
        long total = inBatches(limit -> processed.deleteOlderThan(before, limit));
        if (total > 0) {
            LOG.infof("pruned %d processed event ids older than %s", total, before);
        }
        Instant repliesBefore = now.minus(config.inboxReplies());
        long replies = inBatches(limit -> inboxReplies.deleteOlderThan(repliesBefore, limit));
        if (replies > 0) {
            LOG.infof("pruned %d counted inbox replies older than %s", replies, repliesBefore);
        }
        return total;
    }

    private long inBatches(IntUnaryOperator deleteUpTo) {
        long total = 0;
        int deleted;
        do {
            deleted = deleteUpTo.applyAsInt(config.batchSize());
            total += deleted;
        } while (deleted == config.batchSize());
        return total;
    }
}
