package io.aftercare.scheduling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the dispatcher claims due reminders. */
@ConfigMapping(prefix = "aftercare.dispatch")
public interface DispatchConfig {

    /** Whether this instance dispatches; any number may, as claims skip each other's rows. */
    @WithDefault("true")
    boolean enabled();

    /** How often the dispatcher looks for due reminders when there is no backlog. */
    @WithDefault("PT0.25S")
    java.time.Duration interval();

    /** Most reminders claimed and published in one transaction. */
    @WithDefault("1000")
    int batchSize();

    /** How long to wait for the broker to acknowledge a batch before giving the rows back. */
    @WithDefault("30s")
    java.time.Duration ackTimeout();
}
