package io.aftercare.scheduling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the dispatcher claims due reminders. */
@ConfigMapping(prefix = "aftercare.dispatch")
public interface DispatchConfig {

    /** Whether this instance dispatches; any number may, as claims skip each other's rows. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Dispatcher threads on this instance. Each claims, publishes and marks its own batches; with two or more, one
     * batch waits for the broker while the next is being claimed, which a single thread leaves idle.
     */
    @WithDefault("3")
    int workers();

    /** How often the dispatcher looks for due reminders when there is no backlog. */
    @WithDefault("PT0.25S")
    java.time.Duration interval();

    /** Most reminders claimed and published in one transaction. */
    @WithDefault("1000")
    int batchSize();

    /**
     * How long to wait for the broker to acknowledge a batch before giving the rows back; longer than the producer's
     * delivery timeout, so that the producer's own verdict usually arrives first.
     */
    @WithDefault("12s")
    java.time.Duration ackTimeout();

    /**
     * How long a claimed batch is kept from other dispatchers. A dispatcher that died mid-publish delays its batch by
     * at most this; it must exceed the ack timeout, or a slow batch would be published twice while still in flight.
     */
    @WithDefault("20s")
    java.time.Duration lease();

    /** Timeout of the claim and mark transactions: each is a couple of statements over at most one batch. */
    @WithDefault("10s")
    java.time.Duration transactionTimeout();
}
