package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.messaging.OutboundEvents;
import io.aftercare.notification.messaging.ReminderDue;
import io.aftercare.notification.provider.SendResult;
import io.aftercare.notification.repository.DeliveryRepository;

/**
 * Works off one batch of due deliveries: for each, an expired one is given up, else its channel is chosen
 * ({@link ChannelSelector}), it is sent ({@link DeliverySender}) and its outcome recorded ({@link DeliveryOutcomes});
 * what the batch has to tell the others goes out at its end ({@link DeliveryAnnouncements}). The row stays locked
 * while its provider call runs, so no other worker can send it too.
 */
@ApplicationScoped
public class DeliveryProcessor {

    private final DeliveryRepository deliveries;
    private final ChannelSelector selector;
    private final DeliverySender sender;
    private final DeliveryOutcomes outcomes;
    private final OutboundEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    public DeliveryProcessor(DeliveryRepository deliveries, ChannelSelector selector, DeliverySender sender,
            DeliveryOutcomes outcomes, OutboundEvents events, ObjectMapper json, Clock clock) {
        this.deliveries = deliveries;
        this.selector = selector;
        this.sender = sender;
        this.outcomes = outcomes;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** @return how many deliveries were claimed */
    @Transactional
    public int processBatch(int limit) {
        List<Delivery> due = deliveries.claimDue(clock.instant(), limit);
        DeliveryAnnouncements news = new DeliveryAnnouncements(events);
        for (Delivery delivery : due) {
            process(delivery, news);
        }
        news.send();
        return due.size();
    }

    private void process(Delivery delivery, DeliveryAnnouncements news) {
        Instant now = clock.instant();
        if (!delivery.expiresAt.isAfter(now)) {
            outcomes.expired(delivery, now, news);
            return;
        }
        ReminderDue event = read(delivery.event);
        ChannelChoice choice = selector.choose(event);
        if (choice.suppressed()) {
            outcomes.suppressed(delivery, choice.reason(), now, news);
            return;
        }
        delivery.channel = choice.channel();
        SendResult result = sender.send(delivery, event);
        outcomes.attempted(delivery, event.recipient().phone(), result, clock.instant(), news);
    }

    private ReminderDue read(String eventJson) {
        try {
            return json.readValue(eventJson, ReminderDue.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored event is not a reminders-due event", e);
        }
    }
}
