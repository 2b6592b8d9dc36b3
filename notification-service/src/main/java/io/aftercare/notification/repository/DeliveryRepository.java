package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryKind;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.messaging.ReminderDue;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /**
     * Inserts the delivery of an event unless one exists. The unique event id decides, inside PostgreSQL, even between
     * two consumers racing on the same event after a rebalance.
     *
     * @return whether this call recorded it, and so owns it
     */
    public boolean recordIfNew(String eventId, DeliveryKind kind, ReminderDue event, String eventJson,
            DeliveryStatus status, String reason, Instant nextAttemptAt, Instant now) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO delivery (id, event_id, kind, reminder_id, clinic_id, booking_id, rule_key, priority,
                                      status, reason, next_attempt_at, expires_at, event, created_at, updated_at)
                VALUES (:id, :eventId, :kind, :reminderId, :clinicId, :bookingId, :ruleKey, :priority,
                        :status, :reason, :nextAttemptAt, :expiresAt, :event, :now, :now)
                ON CONFLICT (event_id) DO NOTHING
                """)
                .setParameter("id", UUID.randomUUID())
                .setParameter("eventId", eventId)
                .setParameter("kind", kind.name())
                .setParameter("reminderId", event.reminderId())
                .setParameter("clinicId", event.clinicId())
                .setParameter("bookingId", event.bookingId())
                .setParameter("ruleKey", event.ruleKey())
                .setParameter("priority", event.priority() == null ? "normal" : event.priority())
                .setParameter("status", status.name())
                .setParameter("reason", reason)
                .setParameter("nextAttemptAt", nextAttemptAt)
                .setParameter("expiresAt", event.expiresAt())
                .setParameter("event", eventJson)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    public Delivery findByEventId(String eventId) {
        return find("eventId", eventId).singleResult();
    }

    public Optional<Delivery> findByProviderMessageId(String providerMessageId) {
        return find("providerMessageId", providerMessageId).firstResultOptional();
    }

    /**
     * Locks deliveries due for an attempt that no other worker holds, oldest first: those waiting for a try, and
     * those whose sender's lease ran out mid-call (SENDING).
     */
    @SuppressWarnings("unchecked")
    public List<Delivery> claimDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM delivery
                WHERE status IN ('PENDING', 'RETRYING', 'WAITING', 'SENDING') AND next_attempt_at <= :now
                ORDER BY next_attempt_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """, Delivery.class).setParameter("now", now).setParameter("limit", limit).getResultList();
    }

    /** Makes the SENDING leases this instance held before it crashed claimable now; how many there were. */
    public int releaseLeasesOf(String instance, Instant now) {
        return update("nextAttemptAt = ?1 where status = ?2 and leasedBy = ?3 and nextAttemptAt > ?1", now,
                DeliveryStatus.SENDING, instance);
    }

    public List<Delivery> byBooking(String clinicId, UUID bookingId) {
        return list("clinicId = ?1 and bookingId = ?2 order by createdAt", clinicId, bookingId);
    }

}
