package io.aftercare.notification.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How messages to clinics' webhook endpoints are sent and retried. */
@ConfigMapping(prefix = "aftercare.webhooks")
public interface WebhooksConfig {

    /**
     * The pause before each attempt, the first one included: the Standard Webhooks schedule (at once, 5 s, 5 min,
     * 30 min, 2 h, 5 h, 10 h, 10 h), about a day (27.6 h) in all. A message not delivered after the last is failed.
     */
    @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /**
     * How long an attempt may take, the look-up, connecting and reading the answer included; no full answer within it
     * is a failed attempt ("timed out").
     */
    @WithDefault("10s")
    Duration timeout();

    /** How often due messages are looked for. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Messages claimed per round. */
    @WithDefault("20")
    int batchSize();

    /** Calls in flight at once on an instance, every clinic together. */
    @WithDefault("64")
    int maxInFlight();

    /**
     * Calls in flight at once to one clinic: a clinic whose endpoint is slow or silent fills only its own slots, and
     * the other clinics' messages go out beside it.
     */
    @WithDefault("4")
    int perClinic();
}
