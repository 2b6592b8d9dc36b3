package io.aftercare.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.config.DeliveryConfig;

/** Exponential backoff with jitter, never sooner than the provider's Retry-After. */
@ApplicationScoped
public class RetryPolicy {

    private final DeliveryConfig config;

    public RetryPolicy(DeliveryConfig config) {
        this.config = config;
    }

    /**
     * A transient failure is retried for as long as the advice is valid, not a fixed number of times: a provider
     * outage of minutes must not cost a reminder that is valid for hours.
     */
    public boolean worthAnotherTry(Instant nextAttempt, Instant expiresAt) {
        return nextAttempt.isBefore(expiresAt);
    }

    /**
     * @param attempts tries made so far (1 after the first failure)
     * @param retryAfter what the provider asked for, or null
     */
    public Duration delay(int attempts, Duration retryAfter) {
        long base = config.firstBackoff().toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        // Up to 25% either way, so that many deliveries failing together do not come back together.
        long jittered = (long) (capped * (0.75 + ThreadLocalRandom.current().nextDouble() * 0.5));
        Duration backoff = Duration.ofMillis(Math.max(jittered, 1));
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }
}
