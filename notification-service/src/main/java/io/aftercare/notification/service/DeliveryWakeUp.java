package io.aftercare.notification.service;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets idle delivery workers look for work rarely, and wakes them the moment this instance takes in new deliveries.
 * Four workers polling PostgreSQL ten times a second each cost an idle service about a third of a core on the shared
 * benchmark machine. A worker notes the generation before it looks for work, so a wake-up that comes while it is
 * looking is not lost.
 */
@ApplicationScoped
public class DeliveryWakeUp {

    private final Object monitor = new Object();
    private long generation;

    /** New deliveries were committed. */
    public void signal() {
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
        }
    }

    public long generation() {
        synchronized (monitor) {
            return generation;
        }
    }

    /** Waits until a signal after {@code seen}, or until {@code most} has passed. */
    public void awaitAfter(long seen, Duration most) throws InterruptedException {
        long deadline = System.nanoTime() + most.toNanos();
        synchronized (monitor) {
            while (generation == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
        }
    }
}
