package io.aftercare.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long records that only grow are kept: finished deliveries with their attempts, acted-on webhook ids, and finished
 * webhook messages to clinics.
 */
@ConfigMapping(prefix = "aftercare.retention")
public interface RetentionConfig {

    /**
     * Finished deliveries (sent, delivered, failed, suppressed, expired...) and their attempts, after their last
     * change. Longer than any topic keeps a reminders-due record: a delivery is also what makes a redelivered event a
     * duplicate.
     */
    @WithDefault("P180D")
    Duration deliveries();

    /** Acted-on webhook ids, after they were acted on: longer than any provider retries a callback. */
    @WithDefault("P30D")
    Duration processedWebhooks();

    /**
     * Delivered and failed webhook messages, with their attempts, after their last change; never longer than the
     * replies' retention ({@code aftercare.replies.retention}), since a patient.replied message carries the reply's text.
     */
    @WithDefault("P30D")
    Duration webhookMessages();

    /** Rows deleted per transaction. */
    @WithDefault("500")
    int batchSize();
}
