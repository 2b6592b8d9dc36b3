package io.aftercare.notification.config;

import java.time.Duration;
import java.time.LocalTime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How deliveries are worked off: workers, retries, the patient's send window and the pace of texts. */
@ConfigMapping(prefix = "aftercare.delivery")
public interface DeliveryConfig {

    /** Worker threads sending deliveries; 0 switches sending off on this instance. */
    @WithDefault("4")
    int workers();

    /**
     * Deliveries one worker claims at a time; their provider calls are in flight together, so at most
     * {@code workers x batchSize} calls per instance.
     */
    @WithDefault("50")
    int batchSize();

    /** How soon a worker that found some work looks again. */
    @WithDefault("PT0.1S")
    Duration pollInterval();

    /**
     * How long a worker that found nothing waits before it looks again, unless this instance takes in new deliveries
     * first: the longest a retry coming due, or a delivery taken in by another instance, waits for a worker.
     */
    @WithDefault("PT1S")
    Duration idlePoll();

    /**
     * How long a worker holds a delivery while it calls the provider; longer than the provider's timeout and the
     * pacing wait. A delivery still held after that was abandoned mid-call and is checked with the provider.
     */
    @WithDefault("60s")
    Duration lease();

    /** Wait after the first transient failure; it doubles each time (with jitter), up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration firstBackoff();

    @WithDefault("5m")
    Duration maxBackoff();

    /**
     * A reminder that arrives within this time of its due moment goes as planned: the plan already placed it in the
     * clinic's send window. Only later ones (a backlog after downtime) are held to the window below.
     */
    @WithDefault("PT15M")
    Duration onTimeGrace();

    /** Late non-urgent reminders reach the patient only between these times of their day. */
    @WithDefault("08:00")
    LocalTime windowStart();

    @WithDefault("20:00")
    LocalTime windowEnd();

    /** Texts per second through one sender (this instance); 0 for no limit. */
    @WithDefault("10")
    double smsPerSecond();
}
