package io.aftercare.notification.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.events.ReminderDue;
import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryAttempt;
import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.DeliveryKind;
import io.aftercare.notification.DeliveryStatus;

/**
 * Deliveries and their attempts. A {@link Delivery} read here is a copy: what a service changes on it reaches the
 * database only through {@link #saveAll}.
 */
@ApplicationScoped
public class DeliveryRepository {

    private static final String COLUMNS = """
            SELECT id, event_id, reminder_id, clinic_id, booking_id, rule_key, priority, kind, channel, status, reason,
                   provider, provider_message_id, attempts, next_attempt_at, expires_at, unconfirmed_since, leased_by,
                   event, created_at, updated_at
            FROM delivery
            """;

    private final Jdbc jdbc;

    public DeliveryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

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
        int[] counts = jdbc.batch("""
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

    /**
     * Writes what changed on these deliveries (everything a delivery's life moves on: its channel, state, attempts,
     * lease and answer), in one round trip. What was fixed at intake is never rewritten.
     */
    public void saveAll(Collection<Delivery> deliveries) {
        jdbc.batch("""
                UPDATE delivery SET channel = ?, status = ?, reason = ?, provider = ?, provider_message_id = ?,
                                    attempts = ?, next_attempt_at = ?, unconfirmed_since = ?, leased_by = ?,
                                    updated_at = ?
                WHERE id = ?
                """, deliveries.stream()
                .map(d -> new Object[]{d.channel, d.status, d.reason, d.provider, d.providerMessageId, d.attempts,
                        d.nextAttemptAt, d.unconfirmedSince, d.leasedBy, d.updatedAt, d.id})
                .toList());
    }

    /** Inserts attempts, in one round trip. */
    public void insertAttempts(List<DeliveryAttempt> attempts) {
        jdbc.batch("""
                INSERT INTO delivery_attempt (id, delivery_id, attempt, channel, provider, outcome, http_status,
                                              error_code, detail, provider_message_id, attempted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, attempts.stream()
                .map(a -> new Object[]{a.id, a.deliveryId, a.attempt, a.channel, a.provider, a.outcome, a.httpStatus,
                        a.errorCode, a.detail, a.providerMessageId, a.attemptedAt})
                .toList());
    }

    public Optional<Delivery> byEventId(String eventId) {
        return jdbc.first(COLUMNS + "WHERE event_id = ?", DeliveryRepository::read, eventId);
    }

    public Optional<Delivery> findByProviderMessageId(String providerMessageId) {
        return jdbc.first(COLUMNS + "WHERE provider_message_id = ?", DeliveryRepository::read, providerMessageId);
    }

    /**
     * Locks deliveries due for an attempt that no other worker holds, oldest first: those waiting for a try, and
     * those whose sender's lease ran out mid-call (SENDING).
     */
    public List<Delivery> claimDue(Instant now, int limit) {
        return jdbc.list(COLUMNS + """
                WHERE status IN ('PENDING', 'RETRYING', 'WAITING', 'SENDING') AND next_attempt_at <= ?
                ORDER BY next_attempt_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED
                """, DeliveryRepository::read, now, limit);
    }

    /** Makes the SENDING leases this instance held before it crashed claimable now; how many there were. */
    public int releaseLeasesOf(String instance, Instant now) {
        return jdbc.update("""
                UPDATE delivery SET next_attempt_at = ?
                WHERE status = 'SENDING' AND leased_by = ? AND next_attempt_at > ?
                """, now, instance, now);
    }

    /**
     * Makes claimable now the SENDING leases of instances that are gone: no connection to this database under their
     * instance id ({@code ApplicationName}), as after a kill -9, whose sockets the operating system closes. How many
     * there were. Each is checked with the provider before it goes, as any abandoned lease is.
     */
    public int releaseLeasesOfGoneHolders(Instant now) {
        return jdbc.update("""
                UPDATE delivery d SET next_attempt_at = ?
                WHERE d.status = 'SENDING' AND d.next_attempt_at > ? AND d.leased_by IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                                  WHERE a.datname = current_database() AND a.application_name = d.leased_by)
                """, now, now);
    }

    /** Deletes up to {@code batch} finished deliveries last changed before {@code before}, with their attempts. */
    public int deleteFinishedBefore(Instant before, int batch) {
        return jdbc.update("""
                WITH doomed AS (
                    SELECT id FROM delivery
                    WHERE status IN ('SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'SUPPRESSED', 'EXPIRED')
                      AND updated_at < ?
                    LIMIT ?),
                attempts AS (DELETE FROM delivery_attempt WHERE delivery_id IN (SELECT id FROM doomed))
                DELETE FROM delivery WHERE id IN (SELECT id FROM doomed)
                """, before, batch);
    }

    /** The deliveries with these ids, by id, read in one query. */
    public Map<UUID, Delivery> byIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.list(COLUMNS + "WHERE id = ANY (?)", DeliveryRepository::read, ids).stream()
                .collect(Collectors.toMap(delivery -> delivery.id, delivery -> delivery));
    }

    public List<Delivery> byBooking(String clinicId, UUID bookingId) {
        return jdbc.list(COLUMNS + "WHERE clinic_id = ? AND booking_id = ? ORDER BY created_at",
                DeliveryRepository::read, clinicId, bookingId);
    }

    /** The newest reminder of each of these bookings of the clinic, read in one query: whom each booking texted. */
    public List<Delivery> newestRemindersOf(String clinicId, List<UUID> bookingIds) {
        if (bookingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.list(COLUMNS + """
                WHERE clinic_id = ? AND kind = 'REMINDER' AND booking_id = ANY (?) AND created_at = (
                    SELECT max(d.created_at) FROM delivery d
                    WHERE d.booking_id = delivery.booking_id AND d.kind = 'REMINDER' AND d.clinic_id = ?)
                """, DeliveryRepository::read, clinicId, bookingIds, clinicId);
    }

    /** A delivery's attempts, first to last. */
    public List<DeliveryAttempt> attemptsOf(UUID deliveryId) {
        return jdbc.list("""
                SELECT id, delivery_id, attempt, channel, provider, outcome, http_status, error_code, detail,
                       provider_message_id, attempted_at
                FROM delivery_attempt WHERE delivery_id = ? ORDER BY attempt
                """, DeliveryRepository::readAttempt, deliveryId);
    }

    private static Delivery read(ResultSet row) throws SQLException {
        Delivery d = new Delivery();
        d.id = Jdbc.uuid(row, "id");
        d.eventId = row.getString("event_id");
        d.reminderId = Jdbc.uuid(row, "reminder_id");
        d.clinicId = row.getString("clinic_id");
        d.bookingId = Jdbc.uuid(row, "booking_id");
        d.ruleKey = row.getString("rule_key");
        d.priority = row.getString("priority");
        d.kind = Jdbc.constant(row, "kind", DeliveryKind.class);
        d.channel = Jdbc.constant(row, "channel", DeliveryChannel.class);
        d.status = Jdbc.constant(row, "status", DeliveryStatus.class);
        d.reason = row.getString("reason");
        d.provider = row.getString("provider");
        d.providerMessageId = row.getString("provider_message_id");
        d.attempts = row.getInt("attempts");
        d.nextAttemptAt = Jdbc.instant(row, "next_attempt_at");
        d.expiresAt = Jdbc.instant(row, "expires_at");
        d.unconfirmedSince = Jdbc.instant(row, "unconfirmed_since");
        d.leasedBy = row.getString("leased_by");
        d.event = row.getString("event");
        d.createdAt = Jdbc.instant(row, "created_at");
        d.updatedAt = Jdbc.instant(row, "updated_at");
        return d;
    }

    private static DeliveryAttempt readAttempt(ResultSet row) throws SQLException {
        DeliveryAttempt a = new DeliveryAttempt();
        a.id = Jdbc.uuid(row, "id");
        a.deliveryId = Jdbc.uuid(row, "delivery_id");
        a.attempt = row.getInt("attempt");
        a.channel = Jdbc.constant(row, "channel", DeliveryChannel.class);
        a.provider = row.getString("provider");
        a.outcome = row.getString("outcome");
        a.httpStatus = Jdbc.integer(row, "http_status");
        a.errorCode = row.getString("error_code");
        a.detail = row.getString("detail");
        a.providerMessageId = row.getString("provider_message_id");
        a.attemptedAt = Jdbc.instant(row, "attempted_at");
        return a;
    }
}
