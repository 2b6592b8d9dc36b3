package io.aftercare.scheduling.service;

import java.time.Duration;

/**
 * Tells the dispatcher's waiting threads that a batch came back full: there is a backlog to share. A wake-up without
 * one costs a single empty claim, so a plain monitor is enough.
 */
final class BacklogSignal {

    synchronized void seen() {
        notifyAll();
    }

    /** Returns when a backlog is seen, or after {@code atMost}. */
    synchronized void await(Duration atMost) throws InterruptedException {
        wait(atMost.toMillis());
    }
}
