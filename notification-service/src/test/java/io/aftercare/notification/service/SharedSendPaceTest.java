package io.aftercare.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.notification.repository.SenderPaceRepository;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
class SharedSendPaceTest {

    private static final int RATE = 20;

    @Inject
    SenderPaceRepository repository;

    @Test
    void twoInstancesTogetherKeepOneSendersPace() throws Exception {
        // Two notification instances, each with its own pace object and two busy workers, on one database.
        List<SharedSendPace> instances = List.of(new SharedSendPace(repository, RATE),
                new SharedSendPace(repository, RATE));
        String sender = "+1500" + UUID.randomUUID().toString().substring(0, 6);
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<?>> sends = new ArrayList<>();
        for (int worker = 0; worker < 4; worker++) {
            SharedSendPace instance = instances.get(worker % 2);
            sends.add(workers.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    instance.awaitSlot(sender);
                    starts.add(System.nanoTime());
                }
            }));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        workers.shutdown();

        List<Long> sorted = starts.stream().sorted().toList();
        // 80 texts at 20 a second take at least 79 intervals, whichever instance sends them; alone, each would
        // have sent its 40 in two seconds.
        assertThat(Duration.ofNanos(sorted.get(79) - sorted.get(0))).isGreaterThan(Duration.ofMillis(3900));
        for (long start : sorted) {
            long inWindow = sorted.stream().filter(t -> t >= start && t < start + 1_000_000_000L).count();
            // One more than the rate at most: a slot may be taken up to 2 ms late, and the instances' views of
            // the database's clock differ by their round trips.
            assertThat(inWindow).isLessThanOrEqualTo(RATE + 1);
        }
    }

    @Test
    void noLimitMeansNoWaitingAndNoDatabase() {
        SharedSendPace unlimited = new SharedSendPace(null, 0);
        long started = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            unlimited.awaitSlot("any");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }
}
