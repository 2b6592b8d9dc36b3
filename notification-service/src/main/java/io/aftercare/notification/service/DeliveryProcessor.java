package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.config.DeliveryConfig;
import io.aftercare.notification.messaging.ReminderDue;
import io.aftercare.notification.provider.SendResult;
import io.aftercare.notification.provider.SmsProvider;
import io.aftercare.notification.repository.DeliveryRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Works off one batch of due deliveries in three steps, so that no transaction waits for a provider: a short
 * transaction claims them (an expired one is given up, one no channel may carry is suppressed, the others become
 * SENDING under a lease) and commits; each is sent ({@link DeliverySender}) outside any transaction; a short
 * transaction per delivery records the outcome ({@link DeliveryOutcomes}), and with it, in the outbox, what the
 * others must hear of it. A delivery whose lease ran out (its sender crashed mid-call) is not
 * sent blindly: the provider is asked first whether it already has it.
 */
@ApplicationScoped
public class DeliveryProcessor {

    private static final Logger LOG = Logger.getLogger(DeliveryProcessor.class);
    /** When the provider cannot say whether it has an interrupted message, ask again after this. */
    private static final Duration ASK_AGAIN = Duration.ofSeconds(30);

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

    public DeliveryProcessor(DeliveryRepository deliveries, ChannelSelector selector, DeliverySender sender,
            DeliveryOutcomes outcomes, ObjectMapper json, Clock clock, DeliveryConfig config) {
        this.deliveries = deliveries;
        this.selector = selector;
        this.sender = sender;
        this.outcomes = outcomes;
        this.json = json;
        this.clock = clock;
        this.lease = config.lease();
    }

    /** @return how many deliveries were claimed */
    public int processBatch(int limit) {
        Batch batch = QuarkusTransaction.requiringNew().call(() -> claim(limit));
        for (Claim claim : batch.toSend()) {
            try {
                send(claim);
            } catch (RuntimeException e) {
                // Its lease runs out and it is claimed again, checked with the provider first.
                LOG.warnf("delivery %s could not be recorded: %s", claim.eventId(), e.toString());
            }
        }
        return batch.claimed();
    }

    private Batch claim(int limit) {
        Instant now = clock.instant();
        List<Delivery> due = deliveries.claimDue(now, limit);
        List<Claim> toSend = new ArrayList<>();
        for (Delivery delivery : due) {
            boolean interrupted = delivery.status == DeliveryStatus.SENDING;
            if (!interrupted && !delivery.expiresAt.isAfter(now)) {
                outcomes.expired(delivery, now);
                continue;
            }
            ReminderDue event = read(delivery.event);
            if (!interrupted) {
                ChannelChoice choice = selector.choose(event);
                if (choice.suppressed()) {
                    outcomes.suppressed(delivery, choice.reason(), now);
                    continue;
                }
                delivery.channel = choice.channel();
            }
            // An interrupted attempt began when its lease was taken: the provider is asked from then on.
            Instant since = interrupted ? delivery.updatedAt : now;
            delivery.status = DeliveryStatus.SENDING;
            // PostgreSQL keeps microseconds: the lease must read back equal, as it is this worker's token.
            delivery.nextAttemptAt = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
            delivery.updatedAt = since;
            toSend.add(new Claim(delivery.id, delivery.eventId, delivery.channel, event, interrupted, since,
                    delivery.nextAttemptAt, delivery.expiresAt));
        }
        return new Batch(due.size(), toSend);
    }

    private void send(Claim claim) {
        if (claim.interrupted()) {
            Optional<String> found;
            try {
                found = sender.alreadySent(claim.channel(), claim.event(), claim.since(), claim.eventId());
            } catch (SmsProvider.ProviderUnreachable e) {
                LOG.warnf("delivery %s was interrupted mid-send and the provider cannot say whether it has it (%s);"
                        + " asking again later", claim.eventId(), e.getMessage());
                record(claim, delivery -> delivery.nextAttemptAt = clock.instant().plus(ASK_AGAIN));
                return;
            }
            if (found.isPresent()) {
                record(claim, delivery -> outcomes.foundAtProvider(delivery, sender.provider(claim.channel()),
                        found.get(), clock.instant()));
                return;
            }
            if (!claim.expiresAt().isAfter(clock.instant())) {
                record(claim, delivery -> outcomes.expired(delivery, clock.instant()));
                return;
            }
        }
        SendResult result = sender.send(claim.channel(), claim.event(), claim.eventId());
        record(claim, delivery -> {
            delivery.provider = sender.provider(claim.channel());
            outcomes.attempted(delivery, claim.event().recipient().phone(), result, clock.instant());
        });
    }

    /** Records in a transaction of its own, if the delivery is still this worker's (its lease did not run out). */
    private void record(Claim claim, java.util.function.Consumer<Delivery> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery delivery = deliveries.findById(claim.id());
            if (delivery.status != DeliveryStatus.SENDING || !claim.leaseUntil().equals(delivery.nextAttemptAt)) {
                LOG.warnf("delivery %s: the lease ran out before its outcome was recorded; the next holder checks"
                        + " with the provider", claim.eventId());
                return;
            }
            change.accept(delivery);
        });
    }

    private ReminderDue read(String eventJson) {
        try {
            return json.readValue(eventJson, ReminderDue.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored event is not a reminders-due event", e);
        }
    }
}
