package io.aftercare.notification;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads deliveries as the tests need them, each read in a transaction of its own. */
@ApplicationScoped
public class Deliveries {

    private static final Set<DeliveryStatus> UNFINISHED = Set.of(DeliveryStatus.PENDING, DeliveryStatus.RETRYING);

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

    @Transactional
    public long count(String eventId) {
        return Delivery.count("eventId", eventId);
    }
}
