package io.aftercare.notification.service;

import static io.aftercare.notification.service.BatchDeletes.inBatches;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.config.RepliesConfig;
import io.aftercare.notification.config.RetentionConfig;
import io.aftercare.notification.repository.PatientReplyRepository;
import io.aftercare.notification.repository.UnroutedReplyRepository;
import io.aftercare.notification.repository.WebhookMessageRepository;

/**
 * Prunes by age what holds a patient's words, personal health information: their replies, routed or not, after
 * {@code aftercare.replies.retention}, and the webhook messages to clinics (a patient.replied message holds the reply's
 * text, so none is kept longer than the reply itself).
 */
@ApplicationScoped
public class ReplyRetention {

    private final PatientReplyRepository replies;
    private final UnroutedReplyRepository unrouted;
    private final WebhookMessageRepository webhookMessages;
    private final RetentionConfig config;
    private final Duration replyRetention;

    public ReplyRetention(PatientReplyRepository replies, UnroutedReplyRepository unrouted,
            WebhookMessageRepository webhookMessages, RetentionConfig config, RepliesConfig repliesConfig) {
        this.replies = replies;
        this.unrouted = unrouted;
        this.webhookMessages = webhookMessages;
        this.config = config;
        this.replyRetention = repliesConfig.retention();
    }

    /** @return how many replies, routed or not, were deleted */
    public int pruneReplies(Instant now) {
        Instant before = now.minus(replyRetention);
        int batch = config.batchSize();
        return inBatches(batch, size -> replies.deleteReceivedBefore(before, size))
                + inBatches(batch, size -> unrouted.deleteReceivedBefore(before, size));
    }

    /** @return how many delivered or failed webhook messages were deleted, with their attempts */
    public int pruneWebhookMessages(Instant now) {
        Instant before = now.minus(webhookMessages());
        return inBatches(config.batchSize(), size -> webhookMessages.deleteFinishedBefore(before, size));
    }

    public Duration replies() {
        return replyRetention;
    }

    public Duration webhookMessages() {
        return config.webhookMessages().compareTo(replyRetention) < 0 ? config.webhookMessages() : replyRetention;
    }
}
