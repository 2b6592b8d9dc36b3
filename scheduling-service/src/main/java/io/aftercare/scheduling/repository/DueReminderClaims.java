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

import org.eclipse.microprofile.config.inject.ConfigProperty;

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
     * events need. {@code RETURNING} has no order, so the batch is sorted by due time afterwards. A lease whose
     * holder is gone is free at once: every instance connects under its instance id ({@code ApplicationName}), and a
     * process that died (kill -9, OOM) has its connections closed by the operating system, so PostgreSQL lists none
     * under its name. Should that ever misjudge a live holder (its pool momentarily empty), the batch is published
     * twice under the same event ids, which notification ignores the second time.
     */
    private static final String CLAIM = ReminderState.sql("""
            WITH due AS (
                SELECT id FROM reminder r
                WHERE state = {PLANNED} AND due_at <= ?
                  AND (claimed_until IS NULL OR claimed_until <= ?
                       OR (claimed_by IS NOT NULL AND NOT EXISTS (
                           SELECT 1 FROM pg_stat_activity a
                           WHERE a.datname = current_database() AND a.application_name = r.claimed_by)))
                ORDER BY due_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            UPDATE reminder r SET claimed_until = ?, claimed_by = ?
            FROM due, booking b
            WHERE r.id = due.id AND b.id = r.booking_id
            RETURNING r.id, r.booking_id, r.clinic_id, r.rule_key, r.occurrence, r.category, r.protocol_version,
                   r.priority, r.channels, r.locale, r.due_at, r.expires_at, r.sms_text, r.email_subject,
                   r.email_body, r.generation,
                   b.external_id, b.first_name, b.phone, b.email, b.locale AS patient_locale, b.time_zone,
                   b.preferred_channel, b.sms_consent, b.sms_opted_out, b.email_consent
            """);

    /**
     * Gives back the claims an earlier life of this instance left: they are still leased, and under this instance's
     * name, which is connected again (this very instance), so only this instance can tell they are abandoned.
     */
    private static final String RELEASE_OWN = ReminderState.sql("""
            UPDATE reminder SET claimed_until = NULL
            WHERE state = {PLANNED} AND due_at <= ? AND claimed_by = ? AND claimed_until > ?
            """);

    private final Jdbc jdbc;
    private final String instanceId;

    public DueReminderClaims(Jdbc jdbc,
            @ConfigProperty(name = "aftercare.instance-id") String instanceId) {
        this.jdbc = jdbc;
        this.instanceId = instanceId;
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
        List<Claimed> due = jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setTimestamp(2, Timestamp.from(now));
                statement.setInt(3, limit);
                statement.setTimestamp(4, Timestamp.from(leaseUntil));
                statement.setString(5, instanceId);
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

    /**
     * Makes the claims this instance held before it stopped (kill -9, a crash) claimable now, rather than when their
     * leases run out; how many there were. Called at start, before this life claims anything: no thread of the earlier
     * life is still publishing them. A claim is only ever of a reminder already due, hence the bound on
     * {@code due_at}, which keeps the statement on the index of planned reminders.
     */
    public int releaseOwn(Instant now) {
        return jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RELEASE_OWN)) {
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setString(2, instanceId);
                statement.setTimestamp(3, Timestamp.from(now));
                return statement.executeUpdate();
            }
        });
    }

    /** Gives claimed reminders back at once (the broker refused them), so that the next batch can try again. */
    public void release(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ReminderState
                    .sql("UPDATE reminder SET claimed_until = NULL WHERE id = ANY (?) AND state = {PLANNED}"))) {
                statement.setArray(1, uuidArray(connection, ids));
                return statement.executeUpdate();
            }
        });
    }

    /** Moves the given planned reminders to a new state in one statement. */
    public void mark(Collection<UUID> ids, ReminderState state, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    ReminderState.sql("UPDATE reminder SET state = ?, dispatched_at = ?, claimed_until = NULL"
                            + " WHERE id = ANY (?) AND state = {PLANNED}"))) {
                statement.setString(1, state.name());
                statement.setTimestamp(2, state == ReminderState.DISPATCHED ? Timestamp.from(at) : null);
                statement.setArray(3, uuidArray(connection, ids));
                return statement.executeUpdate();
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
}
