package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.messaging.ReminderDue;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /**
     * Inserts the pending delivery of an event unless one exists. The unique event id decides, inside PostgreSQL, even
     * between two consumers racing on the same event after a rebalance.
     *
     * @return whether this call recorded it, and so owns sending it
     */
    public boolean recordIfNew(String eventId, ReminderDue event, Instant now) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO delivery (id, event_id, reminder_id, clinic_id, booking_id, rule_key, status,
                                      created_at, updated_at)
                VALUES (:id, :eventId, :reminderId, :clinicId, :bookingId, :ruleKey, :status, :now, :now)
                ON CONFLICT (event_id) DO NOTHING
                """)
                .setParameter("id", UUID.randomUUID())
                .setParameter("eventId", eventId)
                .setParameter("reminderId", event.reminderId())
                .setParameter("clinicId", event.clinicId())
                .setParameter("bookingId", event.bookingId())
                .setParameter("ruleKey", event.ruleKey())
                .setParameter("status", DeliveryStatus.PENDING.name())
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    public Delivery findByEventId(String eventId) {
        return find("eventId", eventId).singleResult();
    }
}
