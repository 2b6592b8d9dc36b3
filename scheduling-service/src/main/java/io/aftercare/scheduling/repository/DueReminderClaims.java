package io.aftercare.scheduling.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.aftercare.events.ReminderDue;
import io.aftercare.scheduling.ReminderState;

/**
 * The dispatcher's SQL, in plain JDBC on the transaction's connection: one statement leases a batch and returns
 * everything its events need, one marks the whole batch. This is the hot path of a backlog, so no entity is
 * loaded.
 */
@ApplicationScoped
public class DueReminderClaims {

    /**
     * Selects and leases a batch in one statement (one round trip, no second look-up of the ids), returning what the
     * events need. {@code RETURNING} has no order, so the batch is sorted by due time afterwards.
     */
    private static final String CLAIM = ReminderState.sql("""
            WITH due AS (
                SELECT id FROM reminder
                WHERE state = {PLANNED} AND due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
                ORDER BY due_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            UPDATE reminder r SET claimed_until = ?
            FROM due, booking b
            WHERE r.id = due.id AND b.id = r.booking_id
            RETURNING r.id, r.booking_id, r.clinic_id, r.rule_key, r.occurrence, r.category, r.protocol_version,
                   r.priority, r.channels, r.locale, r.due_at, r.expires_at, r.sms_text, r.email_subject,
                   r.email_body, r.generation,
                   b.external_id, b.first_name, b.phone, b.email, b.locale AS patient_locale, b.time_zone,
                   b.preferred_channel, b.sms_consent, b.sms_opted_out, b.email_consent
            """);

    private final EntityManager entityManager;

    public DueReminderClaims(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * A claimed reminder and the id of its event: the reminder id, or {@code <id>:<generation>} when ops sent it
     * again, so that the notification service treats the new try as a new event.
     */
    public record Claimed(String eventId, ReminderDue event) {
    }

    /**
     * Leases up to {@code limit} due, planned reminders that no other dispatcher holds, oldest first, until
     * {@code leaseUntil}. Rows another instance is claiming right now are skipped, not waited for, and once the claim
     * commits its lease keeps them from other dispatchers, so any number of dispatchers can run side by side. A lease
     * that ran out (its dispatcher died before marking) is claimable again.
     */
    public List<Claimed> claim(Instant now, int limit, Instant leaseUntil) {
        List<Claimed> due = session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setTimestamp(2, Timestamp.from(now));
                statement.setInt(3, limit);
                statement.setTimestamp(4, Timestamp.from(leaseUntil));
                List<Claimed> batch = new ArrayList<>(limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ReminderDue event = toEvent(rows);
                        int generation = rows.getInt("generation");
                        String eventId = generation == 0
                                ? event.reminderId().toString()
                                : event.reminderId() + ":" + generation;
                        batch.add(new Claimed(eventId, event));
                    }
                }
                batch.sort(Comparator.comparing(claimed -> claimed.event().dueAt()));
                return batch;
            }
        });
        return due;
    }

    /** Gives claimed reminders back at once (the broker refused them), so that the next batch can try again. */
    public void release(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ReminderState
                    .sql("UPDATE reminder SET claimed_until = NULL WHERE id = ANY (?) AND state = {PLANNED}"))) {
                statement.setArray(1, uuidArray(connection, ids));
                statement.executeUpdate();
            }
        });
    }

    /** Moves the given planned reminders to a new state in one statement. */
    public void mark(Collection<UUID> ids, ReminderState state, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    ReminderState.sql("UPDATE reminder SET state = ?, dispatched_at = ?, claimed_until = NULL"
                            + " WHERE id = ANY (?) AND state = {PLANNED}"))) {
                statement.setString(1, state.name());
                statement.setTimestamp(2, state == ReminderState.DISPATCHED ? Timestamp.from(at) : null);
                statement.setArray(3, uuidArray(connection, ids));
                statement.executeUpdate();
            }
        });
    }

    private static Array uuidArray(Connection connection, Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    private static ReminderDue toEvent(ResultSet rows) throws SQLException {
        String emailSubject = rows.getString("email_subject");
        ReminderDue.Email email = emailSubject == null
                ? null
                : new ReminderDue.Email(emailSubject, rows.getString("email_body"));
        ReminderDue.Recipient recipient = new ReminderDue.Recipient(rows.getString("first_name"),
                rows.getString("phone"), rows.getString("email"), rows.getString("patient_locale"),
                rows.getString("time_zone"), wire(rows.getString("preferred_channel")),
                rows.getBoolean("sms_consent") && !rows.getBoolean("sms_opted_out"),
                rows.getBoolean("email_consent"));
        return new ReminderDue(rows.getObject("id", UUID.class), rows.getString("clinic_id"),
                rows.getObject("booking_id", UUID.class), rows.getString("external_id"), recipient,
                rows.getString("rule_key"), rows.getInt("occurrence"), rows.getString("category"),
                rows.getInt("protocol_version"), wire(rows.getString("priority")),
                Arrays.asList(rows.getString("channels").split(",")), rows.getString("locale"),
                rows.getObject("due_at", OffsetDateTime.class).toInstant(),
                rows.getObject("expires_at", OffsetDateTime.class).toInstant(),
                new ReminderDue.RenderedMessages(rows.getString("sms_text"), email));
    }

    /**
     * The event's spelling of a {@code Channel} or {@code Priority} the table holds by name (SMS, URGENT): the shared
     * record carries strings, so that scheduling's enums stay out of the events module.
     */
    private static String wire(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
