package io.aftercare.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

class SendPacerTest {

    @Test
    void noOneSecondWindowAtTheReceiverHoldsMoreThanTheLimitWhateverTheDelays() throws Exception {
        SendPacer pacer = new SendPacer(10);
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sends.add(workers.submit(() -> pacer.paced(() -> {
                // The request reaches the receiver somewhere between leaving and the answer coming back.
                sleep(ThreadLocalRandom.current().nextInt(0, 80));
                arrivals.add(System.nanoTime());
                sleep(ThreadLocalRandom.current().nextInt(0, 80));
                return null;
            })));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        workers.shutdown();

        List<Long> sorted = arrivals.stream().sorted().toList();
        for (long start : sorted) {
            long inWindow = sorted.stream().filter(t -> t >= start && t < start + 1_000_000_000L).count();
            assertThat(inWindow).isLessThanOrEqualTo(10);
        }
        assertThat(Duration.ofNanos(sorted.get(29) - sorted.get(0))).isGreaterThan(Duration.ofSeconds(2));
    }

    @Test
    void noLimitMeansNoWaiting() {
        SendPacer pacer = new SendPacer(0);
        long started = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            pacer.paced(() -> null);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
