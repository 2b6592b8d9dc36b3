package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.provider.SmsProvider;
import io.aftercare.notification.service.DeliveryClaims.Claim;

/**
 * The provider calls for one claimed delivery, outside any transaction: one whose last call may have reached the
 * provider is not sent blindly, the provider is asked first whether it already has it; the others are sent. Each
 * ends in an {@link Outcome} to be recorded on the delivery.
 */
@ApplicationScoped
public class ProviderCalls {

    private static final Logger LOG = Logger.getLogger(ProviderCalls.class);
    /** When the provider cannot say whether it has an interrupted message, ask again after this. */
    private static final Duration ASK_AGAIN = Duration.ofSeconds(10);

    /** What became of one claimed delivery, to be recorded on it. */
    record Outcome(Claim claim, Consumer<Delivery> change) {
    }

    private final DeliverySender sender;
    private final DeliveryOutcomes outcomes;
    private final Clock clock;

    public ProviderCalls(DeliverySender sender, DeliveryOutcomes outcomes, Clock clock) {
        this.sender = sender;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /**
     * @param providerSilent set once the provider could not say whether it has a message: the batch's other
     *            interrupted deliveries then wait too, rather than each waiting out the provider's timeout in turn
     */
    CompletionStage<Outcome> call(Claim claim, AtomicBoolean providerSilent) {
        if (claim.interrupted()) {
            Optional<Outcome> settled = askFirst(claim, providerSilent);
            if (settled.isPresent()) {
                return CompletableFuture.completedFuture(settled.get());
            }
        }
        return sender.send(claim.channel(), claim.event(), claim.eventId()).thenApply(result -> new Outcome(claim,
                delivery -> {
                    delivery.provider = sender.provider(claim.channel());
                    outcomes.attempted(delivery, claim.event().recipient().phone(), result, clock.instant());
                }));
    }

    /** @return the outcome when asking settles it (the provider has it, cannot say, or it expired); else send it */
    private Optional<Outcome> askFirst(Claim claim, AtomicBoolean providerSilent) {
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
            return Optional
                    .of(new Outcome(claim, delivery -> delivery.nextAttemptAt = clock.instant().plus(ASK_AGAIN)));
        }
        if (found.isPresent()) {
            return Optional.of(new Outcome(claim, delivery -> outcomes.foundAtProvider(delivery,
                    claim.event().recipient().phone(), sender.provider(claim.channel()), found.get(),
                    clock.instant())));
        }
        if (!claim.expiresAt().isAfter(clock.instant())) {
            return Optional.of(new Outcome(claim, delivery -> outcomes.expired(delivery, clock.instant())));
        }
        return Optional.empty();
    }
}
