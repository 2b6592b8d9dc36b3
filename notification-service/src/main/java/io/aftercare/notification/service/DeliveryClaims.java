package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.ReminderDue;
import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryChannel;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The first step of a batch, in its own short transaction: of the deliveries due, an expired one is given up, one no
 * channel may carry is suppressed, and the others are leased to this worker to be sent.
 */
@ApplicationScoped
public class DeliveryClaims {

    /** A delivery this worker holds while it calls the provider; {@code leaseUntil} tells it is still this one's. */
    record Claim(UUID id, String eventId, DeliveryChannel channel, ReminderDue event, boolean interrupted,
            Instant since, Instant leaseUntil, Instant expiresAt) {
    }

    record Batch(int claimed, List<Claim> toSend) {
    }

    private final DeliveryLeases leases;
    private final ChannelSelector selector;
    private final DeliveryOutcomes outcomes;
    private final ObjectMapper json;
    private final Clock clock;

    public DeliveryClaims(DeliveryLeases leases, ChannelSelector selector, DeliveryOutcomes outcomes,
            ObjectMapper json, Clock clock) {
        this.leases = leases;
        this.selector = selector;
        this.outcomes = outcomes;
        this.json = json;
        this.clock = clock;
    }

    /** Claims up to {@code limit} due deliveries and commits. */
    Batch claim(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> claimDue(limit));
    }

    private Batch claimDue(int limit) {
        Instant now = clock.instant();
        List<Delivery> due = leases.due(now, limit);
        Map<UUID, ReminderDue> events = new HashMap<>();
        due.forEach(delivery -> events.put(delivery.id, read(delivery.event)));
        Set<String> optedOut = selector.optOutsAmong(List.copyOf(events.values()));
        List<Claim> toSend = new ArrayList<>();
        for (Delivery delivery : due) {
            // Interrupted mid-call (still SENDING after its lease) or left without an answer: the provider may have it.
            boolean interrupted = delivery.unconfirmedSince != null;
            ReminderDue event = events.get(delivery.id);
            if (interrupted || mayGo(delivery, event, optedOut, now)) {
                // From here a call may reach the provider.
                leases.take(delivery, now);
                toSend.add(new Claim(delivery.id, delivery.eventId, delivery.channel, event, interrupted,
                        delivery.unconfirmedSince, delivery.nextAttemptAt, delivery.expiresAt));
            }
        }
        // Every one claimed changed: leased, given up or suppressed.
        leases.save(due);
        return new Batch(due.size(), toSend);
    }

    /** Gives up an expired delivery and suppresses one no channel may carry; gives the others their channel. */
    private boolean mayGo(Delivery delivery, ReminderDue event, Set<String> optedOut, Instant now) {
        if (!delivery.expiresAt.isAfter(now)) {
            outcomes.expired(delivery, now);
            return false;
        }
        ChannelChoice choice = selector.choose(event, optedOut);
        if (choice.suppressed()) {
            outcomes.suppressed(delivery, choice.reason(), now);
            return false;
        }
        delivery.channel = choice.channel();
        return true;
    }

    private ReminderDue read(String eventJson) {
        try {
            return json.readValue(eventJson, ReminderDue.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored event is not a reminders-due event", e);
        }
    }
}
