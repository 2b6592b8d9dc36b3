package io.aftercare.notification.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.aftercare.notification.config.DeliveryConfig;
import io.aftercare.notification.repository.SenderPaceRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A sender's pace across every notification instance: each text starts in a slot of its own, {@code 1/smsPerSecond}
 * after the one before, whichever instance took that one. The slots come from PostgreSQL a few at a time
 * ({@link SenderPaceRepository}); a slot left unused (its instance had nothing to send then) is time lost, never
 * two texts closer than the pace. {@link SendPacer} keeps, on top, each instance's texts within the limit as the
 * provider sees them. Without its database, an instance paces alone until it is back.
 */
@ApplicationScoped
public class SharedSendPace {

    private static final Logger LOG = Logger.getLogger(SharedSendPace.class);
    /** A reserved slot that passed longer ago than this went unused: taking it late could crowd the next one. */
    private static final long STALE_NANOS = 2_000_000;

    private final SenderPaceRepository slots;
    private final double defaultRate;
    private final Map<String, Deque<Long>> reserved = new HashMap<>();
    private boolean alone;

    @Inject
    public SharedSendPace(SenderPaceRepository slots, DeliveryConfig config) {
        this(slots, config.smsPerSecond());
    }

    /** @param rate texts per second through one sender; 0 or less for no limit */
    SharedSendPace(SenderPaceRepository slots, double rate) {
        this.slots = slots;
        this.defaultRate = rate;
    }

    /** Waits until the deployment's sender's next slot, at the deployment's rate. */
    public void awaitSlot(String sender) {
        awaitSlot(sender, defaultRate);
    }

    /**
     * Waits until the sender's next slot at its own rate (a clinic's sender, from its profile). Slots are taken in
     * order: other texts of this instance wait behind.
     *
     * @param rate texts per second through this sender; 0 or less for no limit
     */
    public synchronized void awaitSlot(String sender, double rate) {
        if (rate <= 0) {
            return;
        }
        long spacingNanos = (long) Math.ceil(1e9 / rate);
        Deque<Long> mine = reserved.computeIfAbsent(sender, s -> new ArrayDeque<>());
        long now = System.nanoTime();
        while (!mine.isEmpty() && mine.peekFirst() < now - STALE_NANOS) {
            mine.pollFirst();
        }
        if (mine.isEmpty() && !reserve(sender, mine, spacingNanos, rate)) {
            return;
        }
        long wait = mine.pollFirst() - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean reserve(String sender, Deque<Long> mine, long spacingNanos, double rate) {
        // About a tenth of a second's worth of slots at a time, so the database is asked ten times a second.
        int block = Math.max(1, (int) (rate / 10));
        long waitMicros;
        try {
            waitMicros = QuarkusTransaction.requiringNew()
                    .call(() -> slots.reserve(sender, block, spacingNanos / 1000));
        } catch (RuntimeException e) {
            if (!alone) {
                LOG.warnf("the shared pace of the sender cannot be read (%s); pacing this instance alone",
                        e.toString());
                alone = true;
            }
            return false;
        }
        if (alone) {
            LOG.info("the shared pace of the sender is back");
            alone = false;
        }
        long first = System.nanoTime() + waitMicros * 1000;
        for (int i = 0; i < block; i++) {
            mine.addLast(first + i * spacingNanos);
        }
        return true;
    }
}
