package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.events.ReminderDue;
import io.aftercare.scheduling.ReminderState;
import io.aftercare.scheduling.config.DispatchConfig;
import io.aftercare.scheduling.messaging.ReminderDuePublisher;
import io.aftercare.scheduling.metrics.SchedulingMetrics;
import io.aftercare.scheduling.repository.DueReminderClaims;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Moves due timers from PostgreSQL to Kafka in three steps, none of which waits for Kafka inside a transaction: a
 * short transaction leases a batch and commits; the events are published (idempotent producer, acks=all); a second
 * short transaction marks what the broker acknowledged as dispatched and gives the rest back at once. If the instance
 * dies in between, the lease runs out and another dispatcher publishes the batch again with the same event ids (the
 * reminder id), which the notification service recognises. If only the database went away after the broker
 * acknowledged a batch, the instance keeps the batch's marking and does it first once the database answers, so the
 * batch neither waits out its lease nor goes out again. A reminder past its validity when claimed (after downtime,
 * say) is expired instead: stale advice is worse than none.
 */
@ApplicationScoped
public class DueReminderDispatcher {

    private static final Logger LOG = Logger.getLogger(DueReminderDispatcher.class);

    private final DueReminderClaims claims;
    private final ReminderDuePublisher publisher;
    private final DispatchConfig config;
    private final SchedulingMetrics metrics;
    private final Clock clock;
    private final Queue<Marking> unmarked = new ConcurrentLinkedQueue<>();

    public DueReminderDispatcher(DueReminderClaims claims, ReminderDuePublisher publisher, DispatchConfig config,
            SchedulingMetrics metrics, Clock clock) {
        this.claims = claims;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Takes back, at start, the claims this instance (by its {@code aftercare.instance-id}) held when it stopped, so
     * that a restarted instance publishes them at once instead of after {@code aftercare.dispatch.lease}.
     */
    public void resumeOwnClaims() {
        int released = inTransaction(() -> claims.releaseOwn(clock.instant()));
        if (released > 0) {
            LOG.infof("%d reminder(s) were claimed by this instance's previous run and not dispatched; claiming them "
                    + "again now", released);
        }
    }

    /** Dispatches one batch and says how many rows it claimed, so the caller knows whether more may be due. */
    public int dispatchBatch() {
        markWhatWasLeftUnmarked();
        Instant now = clock.instant();
        long started = System.nanoTime();
        List<DueReminderClaims.Claimed> due = inTransaction(() -> claimAndExpire(now));
        long claimedAt = System.nanoTime();
        List<DueReminderClaims.Claimed> toPublish = due.stream()
                .filter(claimed -> claimed.event().expiresAt().isAfter(now))
                .toList();
        int expired = due.size() - toPublish.size();
        List<Boolean> acknowledged = publish(toPublish, now);
        long publishedAt = System.nanoTime();

        Marking marking = Marking.of(toPublish, acknowledged, now);
        markOrKeep(marking);
        if (!due.isEmpty()) {
            metrics.dispatched(marking.dispatched().size(), lateness(toPublish, acknowledged, now));
            metrics.expired("dispatch", expired);
            // The three steps' times say where a slow backlog waits: the database or the broker.
            LOG.infof("dispatched %d reminder(s), expired %d, given back %d (claim %d ms, publish %d ms, mark %d ms)",
                    marking.dispatched().size(), expired, marking.refused().size(), (claimedAt - started) / 1_000_000,
                    (publishedAt - claimedAt) / 1_000_000, (System.nanoTime() - publishedAt) / 1_000_000);
        }
        if (!marking.refused().isEmpty()) {
            throw new IllegalStateException(
                    "the broker did not acknowledge " + marking.refused().size() + " reminder(s)");
        }
        return due.size();
    }

    /**
     * Marks the batches whose marking failed (the database went away after the broker acknowledged them), before
     * anything new is claimed. Left to their leases, they would be published again only when the lease runs out.
     * Marking is idempotent, so two threads that both get here mark nothing twice.
     */
    private void markWhatWasLeftUnmarked() {
        for (Marking marking = unmarked.peek(); marking != null; marking = unmarked.peek()) {
            Marking pending = marking;
            inTransaction(() -> mark(pending));
            if (unmarked.remove(pending)) {
                LOG.infof("marked %d reminder(s) dispatched at %s, whose marking had failed, and gave back %d",
                        pending.dispatched().size(), pending.at(), pending.refused().size());
            }
        }
    }

    private Void mark(Marking marking) {
        claims.mark(marking.dispatched(), ReminderState.DISPATCHED, marking.at());
        claims.release(marking.refused());
        return null;
    }

    /** Marks the batch in its own transaction; kept to be marked first thing next time if the database is away. */
    private void markOrKeep(Marking marking) {
        try {
            inTransaction(() -> mark(marking));
        } catch (RuntimeException e) {
            unmarked.add(marking);
            throw e;
        }
    }

    /** How late each reminder the broker acknowledged went out. */
    private static List<Duration> lateness(List<DueReminderClaims.Claimed> published, List<Boolean> acknowledged,
            Instant now) {
        List<Duration> lateness = new ArrayList<>(published.size());
        for (int i = 0; i < published.size(); i++) {
            if (acknowledged.get(i)) {
                lateness.add(Duration.between(published.get(i).event().dueAt(), now));
            }
        }
        return lateness;
    }

    /** What a batch's mark transaction writes: the acknowledged reminders, and those given back. */
    private record Marking(List<UUID> dispatched, List<UUID> refused, Instant at) {

        static Marking of(List<DueReminderClaims.Claimed> published, List<Boolean> acknowledged, Instant at) {
            List<UUID> dispatched = new ArrayList<>(published.size());
            List<UUID> refused = new ArrayList<>();
            for (int i = 0; i < published.size(); i++) {
                UUID reminderId = published.get(i).event().reminderId();
                (acknowledged.get(i) ? dispatched : refused).add(reminderId);
            }
            return new Marking(dispatched, refused, at);
        }
    }

    private List<DueReminderClaims.Claimed> claimAndExpire(Instant now) {
        List<DueReminderClaims.Claimed> due = claims.claim(now, config.batchSize(), now.plus(config.lease()));
        claims.mark(due.stream()
                .map(DueReminderClaims.Claimed::event)
                .filter(reminder -> !reminder.expiresAt().isAfter(now))
                .map(ReminderDue::reminderId)
                .toList(), ReminderState.EXPIRED, now);
        return due;
    }

    /**
     * Says, per event, whether the broker acknowledged it within the ack timeout; a broker that is away makes the
     * producer fail within its own (shorter) delivery timeout, so the batch is given back in seconds.
     */
    private List<Boolean> publish(List<DueReminderClaims.Claimed> batch, Instant now) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<Uni<Boolean>> acknowledgements = batch.stream()
                .map(claimed -> publisher.publish(claimed.eventId(), claimed.event(), now)
                        .replaceWith(Boolean.TRUE)
                        .onFailure().recoverWithItem(Boolean.FALSE))
                .toList();
        try {
            return Uni.join().all(acknowledgements).andCollectFailures().await().atMost(config.ackTimeout());
        } catch (RuntimeException e) {
            LOG.warnf("no acknowledgement for a batch of %d within %s: %s", batch.size(), config.ackTimeout(),
                    e.toString());
            return batch.stream().map(claimed -> Boolean.FALSE).toList();
        }
    }

    private <T> T inTransaction(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew()
                .timeout((int) Math.max(1, config.transactionTimeout().toSeconds()))
                .call(work);
    }
}
