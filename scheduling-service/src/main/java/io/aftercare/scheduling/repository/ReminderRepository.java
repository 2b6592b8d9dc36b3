package io.aftercare.scheduling.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.scheduling.Priority;
import io.aftercare.scheduling.Reminder;
import io.aftercare.scheduling.ReminderState;

/** Reminders, in plain JDBC; a reminder read here is a copy, and changes only by a statement of its own. */
@ApplicationScoped
public class ReminderRepository {

    private static final String COLUMNS = """
            id, booking_id, clinic_id, rule_key, occurrence, protocol_version, category, priority, channels, locale,
            due_at, expires_at, sms_text, email_subject, email_body, state, dispatched_at, created_at""";

    /** The same, of the reminder {@code r} in a join. */
    private static final String COLUMNS_OF_R = Arrays.stream(COLUMNS.split(","))
            .map(column -> "r." + column.strip())
            .collect(Collectors.joining(", "));

    private static final String INSERT = "INSERT INTO reminder (" + COLUMNS + """
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Jdbc jdbc;

    public ReminderRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Reminder> findByBooking(UUID bookingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reminder WHERE booking_id = :booking")
                .set("booking", bookingId)
                .list(ReminderRepository::read);
    }

    /**
     * A booking's new reminders as one JDBC batch (one round trip, rewritten by pgjdbc into a multi-row INSERT), as
     * Hibernate's statement batching wrote them before.
     */
    public void insertAll(List<Reminder> reminders) {
        jdbc.batch(INSERT, reminders.stream().map(ReminderRepository::row).toList());
    }

    public int revokePlanned(UUID bookingId) {
        return jdbc.sql("UPDATE reminder SET state = :revoked WHERE booking_id = :booking AND state = :planned")
                .set("revoked", ReminderState.REVOKED)
                .set("booking", bookingId)
                .set("planned", ReminderState.PLANNED)
                .update();
    }

    /** A reminder of a page, with the clinic's id of its booking. */
    public record Listed(Reminder reminder, String bookingExternalId) {
    }

    /**
     * One page of a clinic's reminders in (due time, id) order, starting after the given position.
     *
     * @param afterDueAt with {@code afterId}, the last row of the previous page; null for the first page
     */
    public List<Listed> page(String clinicId, Instant from, Instant to, ReminderState state, Instant afterDueAt,
            UUID afterId, int limit) {
        StringBuilder query = new StringBuilder("SELECT " + COLUMNS_OF_R
                + ", b.external_id FROM reminder r JOIN booking b ON b.id = r.booking_id WHERE r.clinic_id = :clinic");
        if (from != null) {
            query.append(" AND r.due_at >= :from");
        }
        if (to != null) {
            query.append(" AND r.due_at < :to");
        }
        if (state != null) {
            query.append(" AND r.state = :state");
        }
        if (afterDueAt != null) {
            query.append(" AND (r.due_at > :afterDueAt OR (r.due_at = :afterDueAt AND r.id > :afterId))");
        }
        query.append(" ORDER BY r.due_at, r.id LIMIT :limit");
        Jdbc.Statement statement = jdbc.sql(query.toString()).set("clinic", clinicId).set("limit", limit);
        if (from != null) {
            statement.set("from", from);
        }
        if (to != null) {
            statement.set("to", to);
        }
        if (state != null) {
            statement.set("state", state);
        }
        if (afterDueAt != null) {
            statement.set("afterDueAt", afterDueAt).set("afterId", afterId);
        }
        return statement.list(rows -> new Listed(read(rows), rows.getString("external_id")));
    }

    private static Object[] row(Reminder r) {
        return new Object[]{r.id, r.bookingId, r.clinicId, r.ruleKey, r.occurrence, r.protocolVersion, r.category,
                r.priority, r.channels, r.locale, r.dueAt, r.expiresAt, r.smsText, r.emailSubject, r.emailBody,
                r.state, r.dispatchedAt, r.createdAt};
    }

    private static Reminder read(ResultSet rows) throws SQLException {
        Reminder r = new Reminder();
        r.id = rows.getObject("id", UUID.class);
        r.bookingId = rows.getObject("booking_id", UUID.class);
        r.clinicId = rows.getString("clinic_id");
        r.ruleKey = rows.getString("rule_key");
        r.occurrence = rows.getInt("occurrence");
        r.protocolVersion = rows.getInt("protocol_version");
        r.category = rows.getString("category");
        r.priority = Priority.valueOf(rows.getString("priority"));
        r.channels = rows.getString("channels");
        r.locale = rows.getString("locale");
        r.dueAt = Jdbc.instant(rows, "due_at");
        r.expiresAt = Jdbc.instant(rows, "expires_at");
        r.smsText = rows.getString("sms_text");
        r.emailSubject = rows.getString("email_subject");
        r.emailBody = rows.getString("email_body");
        r.state = ReminderState.valueOf(rows.getString("state"));
        r.dispatchedAt = Jdbc.instant(rows, "dispatched_at");
        r.createdAt = Jdbc.instant(rows, "created_at");
        return r;
    }
}
