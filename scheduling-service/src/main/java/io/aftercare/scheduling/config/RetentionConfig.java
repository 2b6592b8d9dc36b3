package io.aftercare.scheduling.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long records that only ever grow are kept, and how they are pruned without long locks. */
@ConfigMapping(prefix = "aftercare.retention")
public interface RetentionConfig {

    /**
     * How long an acted-on event id is remembered. Longer than any topic keeps its records (Kafka's default is seven
     * days), so a redelivered event is always recognised.
     */
    @WithDefault("P30D")
    Duration processedEvents();

    /**
     * How long a reply is counted for the ops page after it was received: as long as notification keeps the reply
     * itself ({@code aftercare.replies.retention} there), so that both forget an unhandled reply together.
     */
    @WithDefault("P90D")
    Duration inboxReplies();

    /** Rows deleted per transaction: small, so that pruning never holds locks for long. */
    @WithDefault("5000")
    int batchSize();

    /** How often the pruning runs. */
    @WithDefault("10m")
    Duration interval();
}
