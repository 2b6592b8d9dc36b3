package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.events.ReminderDue;
import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryAttempt;
import io.aftercare.notification.DeliveryKind;
import io.aftercare.notification.DeliveryStatus;
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
        return recordAllIfNew(List.of(new NewDelivery(eventId, kind, event, eventJson, status, reason, nextAttemptAt,
                now)))[0];
    }

    /** A delivery to record, as {@link #recordIfNew} takes it. */
    public record NewDelivery(String eventId, DeliveryKind kind, ReminderDue event, String eventJson,
            DeliveryStatus status, String reason, Instant nextAttemptAt, Instant now) {
    }

    /** The same for many, in one round trip; for each, whether it was new. */
    public boolean[] recordAllIfNew(List<NewDelivery> deliveries) {
        List<Object[]> rows = deliveries.stream()
                .map(d -> new Object[]{UUID.randomUUID(), d.eventId(), d.kind().name(), d.event().reminderId(),
                        d.event().clinicId(), d.event().bookingId(), d.event().ruleKey(),
                        d.event().priority() == null ? "normal" : d.event().priority(), d.status().name(), d.reason(),
                        d.nextAttemptAt(), d.event().expiresAt(), d.eventJson(), d.now(), d.now()})
                .toList();
        int[] counts = JdbcBatch.execute(getEntityManager(), """
                INSERT INTO delivery (id, event_id, kind, reminder_id, clinic_id, booking_id, rule_key, priority,
                                      status, reason, next_attempt_at, expires_at, event, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING
                """, rows);
        boolean[] recorded = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            recorded[i] = counts[i] == 1;
        }
        return recorded;
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

    /**
     * Makes claimable now the SENDING leases of instances that are gone: no connection to this database under their
     * instance id ({@code ApplicationName}), as after a kill -9, whose sockets the operating system closes. How many
     * there were. Each is checked with the provider before it goes, as any abandoned lease is.
     */
    public int releaseLeasesOfGoneHolders(Instant now) {
        return getEntityManager().createNativeQuery("""
                UPDATE delivery d SET next_attempt_at = :now
                WHERE d.status = 'SENDING' AND d.next_attempt_at > :now AND d.leased_by IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                                  WHERE a.datname = current_database() AND a.application_name = d.leased_by)
                """).setParameter("now", now).executeUpdate();
    }

    /** Deletes up to {@code batch} finished deliveries last changed before {@code before}, with their attempts. */
    public int deleteFinishedBefore(Instant before, int batch) {
        return getEntityManager().createNativeQuery("""
                WITH doomed AS (
                    SELECT id FROM delivery
                    WHERE status IN ('SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'SUPPRESSED', 'EXPIRED')
                      AND updated_at < :before
                    LIMIT :batch),
                attempts AS (DELETE FROM delivery_attempt WHERE delivery_id IN (SELECT id FROM doomed))
                DELETE FROM delivery WHERE id IN (SELECT id FROM doomed)
                """).setParameter("before", before).setParameter("batch", batch).executeUpdate();
    }

    /** The deliveries with these ids, by id, read in one query. */
    public Map<UUID, Delivery> byIds(List<UUID> ids) {
        return list("id in ?1", ids).stream().collect(Collectors.toMap(delivery -> delivery.id, delivery -> delivery));
    }

    public List<Delivery> byBooking(String clinicId, UUID bookingId) {
        return list("clinicId = ?1 and bookingId = ?2 order by createdAt", clinicId, bookingId);
    }

    /** The newest reminder of each of these bookings of the clinic, read in one query: whom each booking texted. */
    public List<Delivery> newestRemindersOf(String clinicId, List<UUID> bookingIds) {
        if (bookingIds.isEmpty()) {
            return List.of();
        }
        return list("""
                from Delivery r where r.clinicId = ?1 and r.kind = ?2 and r.bookingId in ?3 and r.createdAt = (
                    select max(d.createdAt) from Delivery d
                    where d.bookingId = r.bookingId and d.kind = ?2 and d.clinicId = ?1)""", clinicId,
                DeliveryKind.REMINDER, bookingIds);
    }

    /** A delivery's attempts, first to last. */
    public List<DeliveryAttempt> attemptsOf(UUID deliveryId) {
        return DeliveryAttempt.list("deliveryId = ?1 order by attempt", deliveryId);
    }

}
