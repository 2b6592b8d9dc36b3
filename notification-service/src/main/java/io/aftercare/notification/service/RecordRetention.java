package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.notification.config.RepliesConfig;
import io.aftercare.notification.config.RetentionConfig;
import io.aftercare.notification.repository.DeliveryRepository;
import io.aftercare.notification.repository.PatientReplyRepository;
import io.aftercare.notification.repository.ProcessedWebhooks;
import io.aftercare.notification.repository.UnroutedReplyRepository;
import io.aftercare.notification.repository.WebhookMessageRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Prunes by age, in small batches, each its own short transaction: patients' replies (personal health information,
 * after {@code aftercare.replies.retention}), and what only grows: finished deliveries with their attempts, and
 * acted-on webhook ids, and delivered or failed webhook messages to clinics with their attempts. Opt-outs are never
 * pruned: a STOP holds until START.
 */
@ApplicationScoped
public class RecordRetention {

    private static final Logger LOG = Logger.getLogger(RecordRetention.class);

    private final PatientReplyRepository replies;
    private final UnroutedReplyRepository unrouted;
    private final DeliveryRepository deliveries;
    private final ProcessedWebhooks webhooks;
    private final WebhookMessageRepository webhookMessages;
    private final RetentionConfig config;
    private final Duration replyRetention;
    private final Clock clock;

    public RecordRetention(PatientReplyRepository replies, UnroutedReplyRepository unrouted,
            DeliveryRepository deliveries, ProcessedWebhooks webhooks,
            WebhookMessageRepository webhookMessages, RetentionConfig config, RepliesConfig repliesConfig,
            Clock clock) {
        this.webhookMessages = webhookMessages;
        this.replies = replies;
        this.unrouted = unrouted;
        this.replyRetention = repliesConfig.retention();
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        Pruned pruned = pruneNow();
        if (pruned.replies() + pruned.deliveries() + pruned.webhooks() + pruned.webhookMessages() > 0) {
            LOG.infof("pruned %d replies older than %s, %d finished deliveries older than %s, %d webhook ids"
                    + " older than %s and %d finished webhook messages older than %s", pruned.replies(),
                    replyRetention, pruned.deliveries(), config.deliveries(), pruned.webhooks(),
                    config.processedWebhooks(), pruned.webhookMessages(), webhookMessageRetention());
        }
    }

    /** What one round deleted. */
    public record Pruned(int replies, int deliveries, int webhooks, int webhookMessages) {
    }

    public Pruned pruneNow() {
        Instant now = clock.instant();
        Instant repliesBefore = now.minus(replyRetention);
        Instant deliveriesBefore = now.minus(config.deliveries());
        Instant webhooksBefore = now.minus(config.processedWebhooks());
        Instant webhookMessagesBefore = now.minus(webhookMessageRetention());
        int batch = config.batchSize();
        return new Pruned(inBatches(() -> replies.deleteReceivedBefore(repliesBefore, batch))
                + inBatches(() -> unrouted.deleteReceivedBefore(repliesBefore, batch)),
                inBatches(() -> deliveries.deleteFinishedBefore(deliveriesBefore, batch)),
                inBatches(() -> webhooks.deleteProcessedBefore(webhooksBefore, batch)),
                inBatches(() -> webhookMessages.deleteFinishedBefore(webhookMessagesBefore, batch)));
    }

    /** A patient.replied message holds the reply's text: it is never kept longer than the reply itself. */
    private Duration webhookMessageRetention() {
        return config.webhookMessages().compareTo(replyRetention) < 0 ? config.webhookMessages() : replyRetention;
    }

    private int inBatches(IntSupplier deleteBatch) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(deleteBatch::getAsInt);
            total += deleted;
        } while (deleted == config.batchSize());
        return total;
    }
}
