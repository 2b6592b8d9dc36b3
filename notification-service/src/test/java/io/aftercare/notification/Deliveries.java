package io.aftercare.notification;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.ReminderDue;
import io.aftercare.notification.repository.DeliveryRepository;

/** Reads deliveries as the tests need them, each read in a transaction of its own. */
@ApplicationScoped
public class Deliveries {

    private final DeliveryRepository repository;
    private final ObjectMapper json;

    public Deliveries(DeliveryRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    private static final Set<DeliveryStatus> UNFINISHED = Set.of(DeliveryStatus.PENDING, DeliveryStatus.RETRYING,
            DeliveryStatus.SENDING);

    /** The delivery once it left the pending and retrying states, else null. */
    @Transactional
    public Delivery settled(String eventId) {
        Delivery delivery = Delivery.find("eventId", eventId).firstResult();
        return delivery == null || UNFINISHED.contains(delivery.status) ? null : delivery;
    }

    @Transactional
    public Delivery get(String eventId) {
        return Delivery.find("eventId", eventId).firstResult();
    }

    @Transactional
    public List<DeliveryAttempt> attempts(Delivery delivery) {
        return DeliveryAttempt.list("deliveryId = ?1 order by attempt", delivery.id);
    }

    /**
     * The delivery of the event as a worker leaves it when it dies mid-call: SENDING since {@code since}, its lease
     * already over.
     */
    @Transactional
    public void abandonedMidSend(String eventId, String eventJson, Instant since) {
        heldMidSend(eventId, eventJson, since, null, Instant.now().minusSeconds(1));
    }

    /** The same, its lease held by {@code instance} until {@code leaseUntil}. */
    @Transactional
    public void heldMidSend(String eventId, String eventJson, Instant since, String instance, Instant leaseUntil) {
        try {
            ReminderDue event = json.readValue(eventJson, ReminderDue.class);
            repository.recordIfNew(eventId, DeliveryKind.REMINDER, event, eventJson, DeliveryStatus.SENDING, null,
                    leaseUntil, since);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Delivery delivery = repository.findByEventId(eventId);
        delivery.channel = DeliveryChannel.SMS;
        delivery.updatedAt = since;
        delivery.unconfirmedSince = since;
        delivery.leasedBy = instance;
    }

    /** Makes the delivery look last changed at {@code at}, as an old one would. */
    @Transactional
    public void lastChangedAt(String eventId, Instant at) {
        repository.findByEventId(eventId).updatedAt = at;
    }

    @Transactional
    public long attemptCount(java.util.UUID deliveryId) {
        return DeliveryAttempt.count("deliveryId", deliveryId);
    }

    @Transactional
    public long count(String eventId) {
        return Delivery.count("eventId", eventId);
    }
}
