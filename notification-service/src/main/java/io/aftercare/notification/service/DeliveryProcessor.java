package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.ReminderDue;
import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.config.DeliveryConfig;
import io.aftercare.notification.provider.SmsProvider;
import io.aftercare.notification.repository.DeliveryRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Works off one batch of due deliveries in three steps, so that no transaction waits for a provider: a short
 * transaction claims them (an expired one is given up, one no channel may carry is suppressed, the others become
 * SENDING under a lease) and commits; they are sent together ({@link DeliverySender}: non-blocking, at most a
 * batch in flight per worker) outside any transaction; one short transaction records the batch's outcomes
 * ({@link DeliveryOutcomes}), and with them, in the outbox, what the others must hear of them. A delivery whose lease
 * ran out (its sender crashed mid-call) or whose last call got no answer is not sent blindly: the provider is asked
 * first whether it already has it.
 */
@ApplicationScoped
public class DeliveryProcessor {

    private static final Logger LOG = Logger.getLogger(DeliveryProcessor.class);
    /** When the provider cannot say whether it has an interrupted message, ask again after this. */
    private static final Duration ASK_AGAIN = Duration.ofSeconds(10);

    /** A delivery this worker holds while it calls the provider; {@code leaseUntil} tells it is still this one's. */
    private record Claim(UUID id, String eventId, DeliveryChannel channel, ReminderDue event, boolean interrupted,
            Instant since, Instant leaseUntil, Instant expiresAt) {
    }

    private record Batch(int claimed, List<Claim> toSend) {
    }

    private final DeliveryRepository deliveries;
    private final ChannelSelector selector;
    private final DeliverySender sender;
    private final DeliveryOutcomes outcomes;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration lease;
    private final String instanceId;

    public DeliveryProcessor(DeliveryRepository deliveries, ChannelSelector selector, DeliverySender sender,
            DeliveryOutcomes outcomes, ObjectMapper json, Clock clock, DeliveryConfig config,
            @ConfigProperty(name = "aftercare.instance-id") String instanceId) {
        this.instanceId = instanceId;
        this.deliveries = deliveries;
        this.selector = selector;
        this.sender = sender;
        this.outcomes = outcomes;
        this.json = json;
        this.clock = clock;
        this.lease = config.lease();
    }

    /**
     * Takes back, at start, the leases this instance held when it died: no worker of its earlier life is still
     * calling the provider, so they need not run out first. Each is checked with the provider before it goes.
     */
    public void resumeOwnLeases() {
        int released = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.releaseLeasesOf(instanceId, clock.instant()));
        if (released > 0) {
            LOG.infof("%d deliveries were mid-send when this instance (%s) stopped; checking them with the provider",
                    released, instanceId);
        }
    }

    /** @return how many deliveries were claimed */
    public int processBatch(int limit) {
        Batch batch = QuarkusTransaction.requiringNew().call(() -> claim(limit));
        // The batch's sends are in flight together (at most the batch size per worker); their outcomes are recorded
        // together, in one short transaction, once the last one answered.
        List<CompletableFuture<Outcome>> inFlight = new ArrayList<>();
        AtomicBoolean providerSilent = new AtomicBoolean();
        for (Claim claim : batch.toSend()) {
            try {
                inFlight.add(send(claim, providerSilent).toCompletableFuture().exceptionally(failure -> {
                    notRecorded(claim, failure);
                    return null;
                }));
            } catch (RuntimeException e) {
                notRecorded(claim, e);
            }
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        List<Outcome> outcomes = inFlight.stream().map(CompletableFuture::join).filter(o -> o != null).toList();
        if (!outcomes.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> this.outcomes.together(() -> {
                Map<UUID, Delivery> held = deliveries.byIds(outcomes.stream().map(o -> o.claim().id()).toList());
                outcomes.forEach(outcome -> record(outcome, held.get(outcome.claim().id())));
            }));
        }
        return batch.claimed();
    }

    private Batch claim(int limit) {
        Instant now = clock.instant();
        List<Delivery> due = deliveries.claimDue(now, limit);
        Map<UUID, ReminderDue> events = new HashMap<>();
        due.forEach(delivery -> events.put(delivery.id, read(delivery.event)));
        Set<String> optedOut = selector.optOutsAmong(List.copyOf(events.values()));
        List<Claim> toSend = new ArrayList<>();
        for (Delivery delivery : due) {
            // Interrupted mid-call (still SENDING after its lease) or left without an answer: the provider may have it.
            boolean interrupted = delivery.unconfirmedSince != null;
            if (!interrupted && !delivery.expiresAt.isAfter(now)) {
                outcomes.expired(delivery, now);
                continue;
            }
            ReminderDue event = events.get(delivery.id);
            if (!interrupted) {
                ChannelChoice choice = selector.choose(event, optedOut);
                if (choice.suppressed()) {
                    outcomes.suppressed(delivery, choice.reason(), now);
                    continue;
                }
                delivery.channel = choice.channel();
            }
            // From here a call may reach the provider; the provider is asked from the first such moment on.
            if (delivery.unconfirmedSince == null) {
                delivery.unconfirmedSince = now;
            }
            delivery.status = DeliveryStatus.SENDING;
            delivery.leasedBy = instanceId;
            // PostgreSQL keeps microseconds: the lease must read back equal, as it is this worker's token.
            delivery.nextAttemptAt = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
            delivery.updatedAt = now;
            toSend.add(new Claim(delivery.id, delivery.eventId, delivery.channel, event, interrupted,
                    delivery.unconfirmedSince, delivery.nextAttemptAt, delivery.expiresAt));
        }
        return new Batch(due.size(), toSend);
    }

    /** Its lease runs out and it is claimed again, checked with the provider first. */
    private static void notRecorded(Claim claim, Throwable failure) {
        LOG.warnf("delivery %s could not be recorded: %s", claim.eventId(), failure.toString());
    }

    /** What became of one claimed delivery, to be recorded on it. */
    private record Outcome(Claim claim, Consumer<Delivery> change) {
    }

    /**
     * @param providerSilent set once the provider could not say whether it has a message: the batch's other
     *            interrupted deliveries then wait too, rather than each waiting out the provider's timeout in turn
     */
    private CompletionStage<Outcome> send(Claim claim, AtomicBoolean providerSilent) {
        if (claim.interrupted()) {
            Optional<String> found;
            try {
                if (providerSilent.get()) {
                    throw new SmsProvider.ProviderUnreachable("it did not answer for another message just now");
                }
                found = sender.alreadySent(claim.channel(), claim.event(), claim.since(), claim.eventId());
            } catch (SmsProvider.ProviderUnreachable e) {
                providerSilent.set(true);
                LOG.warnf("delivery %s may have reached the provider and the provider cannot say whether it has it"
                        + " (%s); asking again later", claim.eventId(), e.getMessage());
                return CompletableFuture.completedFuture(
                        new Outcome(claim, delivery -> delivery.nextAttemptAt = clock.instant().plus(ASK_AGAIN)));
            }
            if (found.isPresent()) {
                return CompletableFuture.completedFuture(new Outcome(claim, delivery -> outcomes.foundAtProvider(
                        delivery, claim.event().recipient().phone(), sender.provider(claim.channel()), found.get(),
                        clock.instant())));
            }
            if (!claim.expiresAt().isAfter(clock.instant())) {
                return CompletableFuture.completedFuture(
                        new Outcome(claim, delivery -> outcomes.expired(delivery, clock.instant())));
            }
        }
        return sender.send(claim.channel(), claim.event(), claim.eventId()).thenApply(result -> new Outcome(claim,
                delivery -> {
                    delivery.provider = sender.provider(claim.channel());
                    outcomes.attempted(delivery, claim.event().recipient().phone(), result, clock.instant());
                }));
    }

    /** Records the outcome if the delivery is still this worker's (its lease did not run out). */
    private void record(Outcome outcome, Delivery delivery) {
        Claim claim = outcome.claim();
        if (delivery == null) {
            LOG.warnf("delivery %s is gone; its outcome is not recorded", claim.eventId());
            return;
        }
        if (delivery.status != DeliveryStatus.SENDING || !claim.leaseUntil().equals(delivery.nextAttemptAt)) {
            LOG.warnf("delivery %s: the lease ran out before its outcome was recorded; the next holder checks"
                    + " with the provider", claim.eventId());
            return;
        }
        outcome.change().accept(delivery);
    }

    private ReminderDue read(String eventJson) {
        try {
            return json.readValue(eventJson, ReminderDue.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored event is not a reminders-due event", e);
        }
    }
}
