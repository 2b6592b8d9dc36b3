package io.aftercare.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class BacklogSignalTest {

    @Test
    void aWaitingHelperWakesWhenABacklogIsSeenNotAtTheEndOfItsWait() throws Exception {
        BacklogSignal signal = new BacklogSignal();
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch woke = new CountDownLatch(1);
        Thread helper = new Thread(() -> {
            try {
                waiting.countDown();
                signal.await(Duration.ofMinutes(1));
                woke.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        helper.start();
        waiting.await();
        assertThat(woke.await(200, TimeUnit.MILLISECONDS)).as("woke without a backlog").isFalse();

        signal.seen();

        assertThat(woke.await(5, TimeUnit.SECONDS)).isTrue();
        helper.join();
    }

    @Test
    void aHelperLooksForItselfAfterItsWait() throws Exception {
        long started = System.nanoTime();
        new BacklogSignal().await(Duration.ofMillis(100));
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(Duration.ofMillis(90).toNanos());
    }
}
