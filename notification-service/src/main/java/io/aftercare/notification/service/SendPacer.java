package io.aftercare.notification.service;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.aftercare.notification.config.DeliveryConfig;

/**
 * Keeps texts under {@code smsPerSecond} as the provider sees them, so that it never has reason to answer 429 under
 * normal load. With a limit of N per second, a text may start only one second after the text N sends earlier has
 * finished: that one reached the provider before it finished, and this one reaches it after it starts, so no
 * one-second window at the provider ever holds more than N, whatever the network delays.
 */
@ApplicationScoped
public class SendPacer {

    private final int perWindow;
    private final long windowNanos;
    private final long[] finished;
    private long issued;
    private long granted;

    @Inject
    public SendPacer(DeliveryConfig config) {
        this(config.smsPerSecond());
    }

    /** @param rate sends per second; 0 or less for no limit */
    SendPacer(double rate) {
        this.perWindow = rate <= 0 ? 0 : Math.max(1, (int) Math.floor(rate));
        this.windowNanos = rate <= 0 ? 0 : (long) Math.ceil(perWindow * 1e9 / rate);
        this.finished = new long[Math.max(perWindow, 1)];
    }

    /** Sends within the limit: waits for this send's turn, runs it, and records when it finished. */
    public <T> T paced(Supplier<T> send) {
        if (perWindow == 0) {
            return send.get();
        }
        long ticket = awaitTurn();
        try {
            return send.get();
        } finally {
            finish(ticket);
        }
    }

    /**
     * The same for a send that completes later: waits here for its turn (that wait is the pacing), starts it, and
     * counts it finished when it completes.
     */
    public <T> CompletionStage<T> pacedAsync(Supplier<CompletionStage<T>> send) {
        if (perWindow == 0) {
            return send.get();
        }
        long ticket = awaitTurn();
        try {
            return send.get().whenComplete((result, failure) -> finish(ticket));
        } catch (RuntimeException e) {
            finish(ticket);
            throw e;
        }
    }

    /** Turns are granted in ticket order; a turn waits for the send N tickets earlier, plus one window. */
    private synchronized long awaitTurn() {
        long ticket = issued++;
        int slot = (int) (ticket % perWindow);
        while (true) {
            long previous = finished[slot];
            long wait = ticket < perWindow
                    ? 0
                    : previous == 0 ? Long.MAX_VALUE : previous + windowNanos - System.nanoTime();
            if (ticket == granted && wait <= 0) {
                break;
            }
            try {
                wait(ticket != granted || previous == 0 ? 10 : Math.max(1, wait / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        finished[slot] = 0;
        granted++;
        notifyAll();
        return ticket;
    }

    private synchronized void finish(long ticket) {
        finished[(int) (ticket % perWindow)] = Math.max(1, System.nanoTime());
        notifyAll();
    }
}
