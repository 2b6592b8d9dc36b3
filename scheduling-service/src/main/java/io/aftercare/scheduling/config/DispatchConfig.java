package io.aftercare.scheduling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the dispatcher claims due reminders. */
@ConfigMapping(prefix = "aftercare.dispatch")
public interface DispatchConfig {

    /** How often the dispatcher looks for due reminders (read by {@code DispatchJob}'s schedule). */
    @WithDefault("1s")
    java.time.Duration interval();

    /** Most reminders claimed and published in one transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long to wait for the broker to acknowledge a batch before giving the rows back. */
    @WithDefault("30s")
    java.time.Duration ackTimeout();
}
