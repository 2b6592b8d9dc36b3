package io.aftercare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.FreePorts;
import io.aftercare.localstack.InfrastructurePorts;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.testing.FakeTwilio;

/**
 * Notification's throughput: reminder events per second from Kafka to the (fake, Twilio-speaking) SMS provider, with
 * no rate limit, the packaged service on real PostgreSQL and Kafka. Run with {@code ./mvnw -B verify -Pbenchmark}.
 */
class NotificationBenchmarkIT {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 5000);
    private static final int WARM_UP = 5000;

    private static LocalAftercare aftercare;
    private static FakeTwilio twilio;

    @BeforeAll
    static void startTheSystem() throws Exception {
        twilio = FakeTwilio.start(FreePorts.next());
        Map<String, String> provider = TextingStack.texting(twilio, 0);
        aftercare = LocalAftercare.start(TextingStack.layout("notification-benchmark"), InfrastructurePorts.random(),
                LocalAftercare.randomPorts(),
                Map.of(AftercareService.NOTIFICATION, provider), System.out::println);
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (aftercare != null) {
            aftercare.close();
        }
        if (twilio != null) {
            twilio.close();
        }
    }

    /**
     * With a provider that answers at once, and with one that takes 200 ms, as real APIs take 100-300 ms; after a
     * warm-up round, since a deployment's JVM has long compiled its hot code when a Monday backlog arrives.
     */
    @Test
    void eventsPerSecondFromKafkaToTheProvider() throws Exception {
        run(Duration.ZERO, WARM_UP, false);
        for (Duration latency : List.of(Duration.ZERO, Duration.ofMillis(200))) {
            twilio.answerAfter(latency);
            run(latency, EVENTS, true);
        }
    }

    /** Publishes {@code events} due reminders at once, a backlog, and times them out of the service. */
    private void run(Duration latency, int events, boolean report) throws Exception {
        int before = twilio.requestCount();
        try (ReminderEvents reminders = ReminderEvents.open(aftercare)) {
            reminders.publish(UUID.randomUUID().toString().substring(0, 8), events, 0);
        }
        // Counted in-process: reading the fake's whole request list over HTTP, often, would take CPU from the service.
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && twilio.requestCount() - before < events) {
            Thread.sleep(200);
        }
        List<Instant> times = twilio.requestTimes(before).stream().sorted().toList();
        assertThat(times).hasSize(events);
        if (!report) {
            return;
        }
        // From the first call at the provider to the last: the service's own pace.
        double seconds = Duration.between(times.get(0), times.get(times.size() - 1)).toNanos() / 1e9;
        String line = String.format("notification: %d reminder events from Kafka to the SMS provider (fake Twilio "
                + "over HTTP answering in %d ms, no rate limit, 4 workers x 50 in flight, warmed up) in %.1f s = %.0f texts/s",
                times.size(), latency.toMillis(), seconds, times.size() / seconds);
        System.out.println("BENCHMARK " + line);
        Files.write(Path.of("target", "benchmark-results.txt"), List.of(line), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
