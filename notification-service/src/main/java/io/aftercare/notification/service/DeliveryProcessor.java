package io.aftercare.notification.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.service.DeliveryClaims.Batch;
import io.aftercare.notification.service.DeliveryClaims.Claim;
import io.aftercare.notification.service.ProviderCalls.Outcome;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Works off one batch of due deliveries in three steps, so that no transaction waits for a provider: a short
 * transaction claims them ({@link DeliveryClaims}) and commits; they are sent together ({@link ProviderCalls}, through
 * {@link DeliverySender}: non-blocking, at most a batch in flight per worker) outside any transaction; one short
 * transaction records the batch's outcomes ({@link DeliveryOutcomes}), and with them, in the outbox, what the others
 * must hear of them. A delivery whose lease ran out (its sender crashed mid-call) or whose last call got no answer is
 * not sent blindly: the provider is asked first whether it already has it.
 */
@ApplicationScoped
public class DeliveryProcessor {

    private static final Logger LOG = Logger.getLogger(DeliveryProcessor.class);

    private final DeliveryClaims claims;
    private final ProviderCalls calls;
    private final DeliveryOutcomes outcomes;
    private final DeliveryLeases leases;
    private final WebhookService reports;

    public DeliveryProcessor(DeliveryClaims claims, ProviderCalls calls, DeliveryOutcomes outcomes,
            DeliveryLeases leases, WebhookService reports) {
        this.claims = claims;
        this.calls = calls;
        this.outcomes = outcomes;
        this.leases = leases;
        this.reports = reports;
    }

    /** See {@link DeliveryLeases#resumeOwn()}. */
    public void resumeOwnLeases() {
        leases.resumeOwn();
    }

    /** @return how many deliveries were claimed */
    public int processBatch(int limit) {
        Batch batch = claims.claim(limit);
        List<Outcome> outcomes = sendAll(batch.toSend());
        if (!outcomes.isEmpty()) {
            recordAll(outcomes);
        }
        return batch.claimed();
    }

    /**
     * The batch's sends are in flight together (at most the batch size per worker); their outcomes are recorded
     * together once the last one answered.
     */
    private List<Outcome> sendAll(List<Claim> toSend) {
        List<CompletableFuture<Outcome>> inFlight = new ArrayList<>();
        AtomicBoolean providerSilent = new AtomicBoolean();
        for (Claim claim : toSend) {
            try {
                inFlight.add(calls.call(claim, providerSilent).toCompletableFuture().exceptionally(failure -> {
                    notRecorded(claim, failure);
                    return null;
                }));
            } catch (RuntimeException e) {
                notRecorded(claim, e);
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return inFlight.stream().map(CompletableFuture::join).filter(o -> o != null).toList();
    }

    /** In one short transaction. */
    private void recordAll(List<Outcome> outcomes) {
        QuarkusTransaction.requiringNew().run(() -> this.outcomes.together(() -> {
            Map<UUID, Delivery> held = leases.current(outcomes.stream().map(o -> o.claim().id()).toList());
            List<Delivery> changed = new ArrayList<>();
            for (Outcome outcome : outcomes) {
                Delivery delivery = held.get(outcome.claim().id());
                if (record(outcome, delivery)) {
                    changed.add(delivery);
                }
            }
            leases.save(changed);
            // The provider may have reported on a message before this told us its id.
            reports.applyEarlyReports(changed);
        }));
    }

    /** Its lease runs out and it is claimed again, checked with the provider first. */
    private static void notRecorded(Claim claim, Throwable failure) {
        LOG.warnf("delivery %s could not be recorded: %s", claim.eventId(), failure.toString());
    }

    /**
     * Records the outcome if the delivery is still this worker's (its lease did not run out).
     *
     * @return whether it changed the delivery, which is then to be written
     */
    private static boolean record(Outcome outcome, Delivery delivery) {
        Claim claim = outcome.claim();
        if (delivery == null) {
            LOG.warnf("delivery %s is gone; its outcome is not recorded", claim.eventId());
            return false;
        }
        if (!DeliveryLeases.stillHeld(delivery, claim.leaseUntil())) {
            LOG.warnf("delivery %s: the lease ran out before its outcome was recorded; the next holder checks"
                    + " with the provider", claim.eventId());
            return false;
        }
        outcome.change().accept(delivery);
        return true;
    }
}
