package io.aftercare.scheduling.metrics;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The scheduling service's business metrics, named for Prometheus as {@code aftercare_*} (see the README). */
@ApplicationScoped
public class SchedulingMetrics {

    private final MeterRegistry registry;
    private final Counter planned;
    private final Counter revoked;
    private final Counter dispatched;
    private final DistributionSummary batchSize;
    private final Timer lateness;

    public SchedulingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.planned = Counter.builder("aftercare.reminders.planned")
                .description("Reminders laid down by planning")
                .register(registry);
        this.revoked = Counter.builder("aftercare.reminders.revoked")
                .description("Pending reminders revoked by a change, a cancellation or an opt-out")
                .register(registry);
        this.dispatched = Counter.builder("aftercare.reminders.dispatched")
                .description("Reminders published to Kafka and acknowledged")
                .register(registry);
        this.batchSize = DistributionSummary.builder("aftercare.dispatch.batch.size")
                .description("Reminders claimed per dispatch batch")
                .publishPercentileHistogram()
                .register(registry);
        this.lateness = Timer.builder("aftercare.dispatch.lateness")
                .description("How long after its due time a reminder was published")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    /** @param outcome created, updated, unchanged, conflict or unknown-treatment */
    public void booking(String outcome) {
        registry.counter("aftercare.bookings", "outcome", outcome).increment();
    }

    public void planned(int count) {
        planned.increment(count);
    }

    public void revoked(int count) {
        revoked.increment(count);
    }

    /** @param stage planning (already stale when planned) or dispatch (stale when its time came) */
    public void expired(String stage, int count) {
        registry.counter("aftercare.reminders.expired", "stage", stage).increment(count);
    }

    public void dispatched(int count, Iterable<Duration> latenesses) {
        dispatched.increment(count);
        batchSize.record(count);
        latenesses.forEach(lateness::record);
    }
}
