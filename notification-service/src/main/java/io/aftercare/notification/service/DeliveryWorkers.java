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
 */
@ApplicationScoped
public class DeliveryWorkers {

    private static final Logger LOG = Logger.getLogger(DeliveryWorkers.class);

    private final DeliveryProcessor processor;
    private final DeliveryWakeUp wakeUp;
    private final DeliveryConfig config;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

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
            Thread thread = new Thread(this::work, "delivery-worker-" + i);
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

    private void work() {
        while (running) {
            try {
                long seen = wakeUp.generation();
                int claimed = processor.processBatch(config.batchSize());
                if (claimed == 0) {
                    // Nothing due: what comes in here wakes us; retries coming due and deliveries taken in by
                    // another instance are found on the next look.
                    wakeUp.awaitAfter(seen, config.idlePoll());
                } else if (claimed < config.batchSize()) {
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
