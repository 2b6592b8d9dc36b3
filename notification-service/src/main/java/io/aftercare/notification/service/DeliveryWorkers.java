package io.aftercare.notification.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.aftercare.notification.config.DeliveryConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Threads that work off due deliveries. Any number of instances may run: claims skip the rows another worker holds.
 * With nothing due, only the first thread looks again every {@code idle-poll}; the others wait for new deliveries, for
 * a full batch (a backlog to share), or for {@link #HELPER_IDLE_POLLS} idle polls. Each idle look is a claim
 * transaction: four threads looking every second cost the idle service about 5 ms of CPU a second, measured.
 */
@ApplicationScoped
public class DeliveryWorkers {

    private static final Logger LOG = Logger.getLogger(DeliveryWorkers.class);

    private final DeliveryProcessor processor;
    private final DeliveryWakeUp wakeUp;
    private final DeliveryConfig config;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    static final int HELPER_IDLE_POLLS = 10;

    public DeliveryWorkers(DeliveryProcessor processor, DeliveryWakeUp wakeUp, DeliveryConfig config) {
        this.processor = processor;
        this.wakeUp = wakeUp;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.workers() > 0) {
            processor.resumeOwnLeases();
        }
        running = true;
        for (int i = 0; i < config.workers(); i++) {
            boolean first = i == 0;
            Thread thread = new Thread(() -> work(first), "delivery-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    private void work(boolean first) {
        while (running) {
            try {
                long seen = wakeUp.generation();
                int claimed = processor.processBatch(config.batchSize());
                if (claimed == 0) {
                    // Nothing due: what comes in here wakes us; retries coming due and deliveries taken in by
                    // another instance are found on the first thread's next look.
                    wakeUp.awaitAfter(seen,
                            first ? config.idlePoll() : config.idlePoll().multipliedBy(HELPER_IDLE_POLLS));
                } else if (claimed >= config.batchSize()) {
                    wakeUp.signal();
                } else {
                    Thread.sleep(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "delivery batch failed; its deliveries are claimed again shortly");
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(config.pollInterval().toMillis() * 10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
