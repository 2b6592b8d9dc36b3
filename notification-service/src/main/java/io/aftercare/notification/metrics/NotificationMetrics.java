package io.aftercare.notification.metrics;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The notification service's business metrics, named for Prometheus as {@code aftercare_*} (see the README). */
@ApplicationScoped
public class NotificationMetrics {

    private final MeterRegistry registry;

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param outcome sent, failed, suppressed, expired, delivered or undelivered; channel none when there was none */
    public void notification(String channel, String outcome) {
        registry.counter("aftercare.notifications", "channel", channel == null ? "none" : channel, "outcome", outcome)
                .increment();
    }

    /** @param outcome sent, transient or permanent */
    public void providerCall(String provider, String outcome, Duration took) {
        Timer.builder("aftercare.provider.requests")
                .description("Calls to SMS and email providers")
                .tags("provider", provider, "outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    public void retry(String channel) {
        registry.counter("aftercare.delivery.retries", "channel", channel).increment();
    }

    public void deadLetter() {
        registry.counter("aftercare.dead.letters").increment();
    }

    /** @param direction out (STOP and friends, or the provider's 21610) or in (START) */
    public void optOut(String channel, String direction) {
        registry.counter("aftercare.opt.outs", "channel", channel, "direction", direction).increment();
    }

    /** @param kind check-in, free-text, or unrouted (no conversation claims it: the operator's queue) */
    public void reply(String kind, boolean urgent) {
        registry.counter("aftercare.replies", "kind", kind, "urgent", String.valueOf(urgent)).increment();
    }

    /** @param outcome sent or failed */
    public void replyAlert(String outcome) {
        registry.counter("aftercare.reply.alerts", "outcome", outcome).increment();
    }

    /** @param outcome delivered (a 2xx), refused (any other answer) or unanswered (no answer within the timeout) */
    public void webhookAttempt(String outcome) {
        registry.counter("aftercare.webhook.attempts", "outcome", outcome).increment();
    }

    /** A message to a clinic's endpoint that was still not delivered when its retry schedule ran out. */
    public void webhookGivenUp() {
        registry.counter("aftercare.webhook.given.up").increment();
    }
}
