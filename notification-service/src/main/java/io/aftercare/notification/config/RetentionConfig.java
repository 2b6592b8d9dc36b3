package io.aftercare.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long records that only grow are kept: finished deliveries with their attempts, and acted-on webhook ids. */
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

    /** Rows deleted per transaction. */
    @WithDefault("500")
    int batchSize();
}
