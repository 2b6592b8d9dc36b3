package io.aftercare.scheduling.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How bookings that could not be planned at once (guidance unreachable) are planned later. */
@ConfigMapping(prefix = "aftercare.planning")
public interface PlanningConfig {

    /** How often the planning job looks for bookings waiting for a plan. */
    @WithDefault("2s")
    Duration retryInterval();

    /** First wait after a failed attempt; it doubles with every further failure. */
    @WithDefault("2s")
    Duration firstBackoff();

    @WithDefault("5m")
    Duration maxBackoff();

    /** Most bookings the planning job claims at once. */
    @WithDefault("50")
    int batchSize();

    /**
     * How long a claimed batch is the planning job's while it asks guidance (outside any transaction); a booking of an
     * instance that died meanwhile, or whose plan could not be saved (the database went away mid-batch), is planned
     * again once this has passed. Short: the fault test saw a two-minute lease hold the bookings accepted around a
     * PostgreSQL restart for over a minute. Safe when a batch outlasts it: a plan is applied only under the lease it
     * was claimed with, so a booking claimed again elsewhere is never planned twice.
     */
    @WithDefault("15s")
    Duration lease();
}
