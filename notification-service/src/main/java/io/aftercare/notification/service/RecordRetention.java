package io.aftercare.notification.service;

import static io.aftercare.notification.service.BatchDeletes.inBatches;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.notification.config.RetentionConfig;
import io.aftercare.notification.repository.DeliveryRepository;
import io.aftercare.notification.repository.EarlyProviderStatuses;
import io.aftercare.notification.repository.ProcessedWebhooks;
import io.quarkus.scheduler.Scheduled;

/**
 * Prunes by age, in small batches, each its own short transaction: what holds patients' words
 * ({@link ReplyRetention}), and what only grows: finished deliveries with their attempts, and acted-on webhook ids.
 * Opt-outs are never pruned: a STOP holds until START.
 */
@ApplicationScoped
public class RecordRetention {

    private static final Logger LOG = Logger.getLogger(RecordRetention.class);

    private final ReplyRetention replies;
    private final DeliveryRepository deliveries;
    private final ProcessedWebhooks webhooks;
    private final EarlyProviderStatuses earlyReports;
    private final RetentionConfig config;
    private final Clock clock;

    public RecordRetention(ReplyRetention replies, DeliveryRepository deliveries, ProcessedWebhooks webhooks,
            EarlyProviderStatuses earlyReports, RetentionConfig config, Clock clock) {
        this.replies = replies;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.earlyReports = earlyReports;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        Pruned pruned = pruneNow();
        if (pruned.replies() + pruned.deliveries() + pruned.webhooks() + pruned.webhookMessages() > 0) {
            LOG.infof("pruned %d replies older than %s, %d finished deliveries older than %s, %d webhook ids"
                    + " older than %s and %d finished webhook messages older than %s", pruned.replies(),
                    replies.replies(), pruned.deliveries(), config.deliveries(), pruned.webhooks(),
                    config.processedWebhooks(), pruned.webhookMessages(), replies.webhookMessages());
        }
    }

    /** What one round deleted. */
    public record Pruned(int replies, int deliveries, int webhooks, int webhookMessages) {
    }

    public Pruned pruneNow() {
        Instant now = clock.instant();
        Instant deliveriesBefore = now.minus(config.deliveries());
        Instant webhooksBefore = now.minus(config.processedWebhooks());
        int batch = config.batchSize();
        return new Pruned(replies.pruneReplies(now),
                inBatches(batch, size -> deliveries.deleteFinishedBefore(deliveriesBefore, size)),
                // Webhook ids, and early status reports whose message never became ours, as old as them.
                inBatches(batch, size -> webhooks.deleteProcessedBefore(webhooksBefore, size))
                        + inBatches(batch, size -> earlyReports.deleteReceivedBefore(webhooksBefore, size)),
                replies.pruneWebhookMessages(now));
    }
}
