package io.aftercare.notification.service;

import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.config.DeliveryConfig;

/**
 * Spaces texts evenly, at most {@code smsPerSecond}, so that the provider never has reason to answer 429 under normal
 * load. Even spacing (rather than bursts) keeps any one-second window within the limit; the spacing is 5% wider than
 * the rate alone asks, because requests reach the provider a few milliseconds apart from when they left, and eleven
 * texts spaced exactly 100 ms apart can arrive within one second.
 */
@ApplicationScoped
public class SendPacer {

    private final long spacingNanos;
    private long nextSlot = System.nanoTime();

    public SendPacer(DeliveryConfig config) {
        this.spacingNanos = config.smsPerSecond() <= 0 ? 0 : (long) Math.ceil(1.05e9 / config.smsPerSecond());
    }

    /** Waits for this caller's turn. */
    public void awaitTurn() {
        if (spacingNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            slot = Math.max(nextSlot, System.nanoTime());
            nextSlot = slot + spacingNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
