package io.aftercare.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DeliveryWakeUpTest {

    private final DeliveryWakeUp wakeUp = new DeliveryWakeUp();

    @Test
    void anIdleWorkerWakesWhenDeliveriesComeInAndOtherwiseWaitsItsTime() throws Exception {
        long seen = wakeUp.generation();
        CompletableFuture<Long> woken = CompletableFuture.supplyAsync(() -> timed(seen, Duration.ofSeconds(10)));
        Thread.sleep(100);
        wakeUp.signal();
        assertThat(woken.get(5, TimeUnit.SECONDS)).isLessThan(5_000);

        assertThat(timed(wakeUp.generation(), Duration.ofMillis(200))).isGreaterThanOrEqualTo(190);
    }

    @Test
    void aWakeUpWhileTheWorkerWasLookingForWorkIsNotLost() {
        long seen = wakeUp.generation();
        wakeUp.signal(); // deliveries committed while the worker's claim ran
        assertThat(timed(seen, Duration.ofSeconds(10))).isLessThan(1_000);
    }

    private long timed(long seen, Duration most) {
        long started = System.nanoTime();
        try {
            wakeUp.awaitAfter(seen, most);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
