package io.aftercare.floors.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.events.ReminderDue;

/**
 * The floor of scheduling's claim (DueReminderClaims): one statement takes a batch of due reminders, marks them
 * dispatched and returns all their events need. No lease: the claiming transaction stays open until the broker has
 * acknowledged the batch, which is the simplest correct way, and a rollback gives the rows back.
 */
@ApplicationScoped
public class DueReminders {

    private static final String CLAIM = """
            WITH due AS (
                SELECT id FROM floor.reminder
                WHERE state = 'PLANNED' AND due_at <= now()
                ORDER BY due_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            UPDATE floor.reminder r SET state = 'DISPATCHED', dispatched_at = now()
            FROM due, floor.booking b
            WHERE r.id = due.id AND b.id = r.booking_id
            RETURNING r.id, r.booking_id, r.clinic_id, r.rule_key, r.occurrence, r.category, r.protocol_version,
                   r.priority, r.channels, r.locale, r.due_at, r.expires_at, r.sms_text, r.email_subject,
                   r.email_body,
                   b.external_id, b.first_name, b.phone, b.email, b.locale AS patient_locale, b.time_zone,
                   b.preferred_channel, b.sms_consent, b.sms_opted_out, b.email_consent
            """;

    /** Claims up to {@code limit} due reminders in the caller's transaction: their events, in no particular order. */
    public List<ReminderDue> claim(Connection connection, int limit) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setInt(1, limit);
            List<ReminderDue> batch = new ArrayList<>(limit);
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    batch.add(toEvent(rows));
                }
            }
            return batch;
        }
    }

    /** The event as scheduling builds it from the same columns (DueReminderClaims.toEvent). */
    private static ReminderDue toEvent(ResultSet rows) throws SQLException {
        String emailSubject = rows.getString("email_subject");
        ReminderDue.Email email = emailSubject == null
                ? null
                : new ReminderDue.Email(emailSubject, rows.getString("email_body"));
        ReminderDue.Recipient recipient = new ReminderDue.Recipient(rows.getString("first_name"),
                rows.getString("phone"), rows.getString("email"), rows.getString("patient_locale"),
                rows.getString("time_zone"), lower(rows.getString("preferred_channel")),
                rows.getBoolean("sms_consent") && !rows.getBoolean("sms_opted_out"),
                rows.getBoolean("email_consent"));
        return new ReminderDue(rows.getObject("id", UUID.class), rows.getString("clinic_id"),
                rows.getObject("booking_id", UUID.class), rows.getString("external_id"), recipient,
                rows.getString("rule_key"), rows.getInt("occurrence"), rows.getString("category"),
                rows.getInt("protocol_version"), lower(rows.getString("priority")),
                Arrays.asList(rows.getString("channels").split(",")), rows.getString("locale"),
                rows.getObject("due_at", OffsetDateTime.class).toInstant(),
                rows.getObject("expires_at", OffsetDateTime.class).toInstant(),
                new ReminderDue.RenderedMessages(rows.getString("sms_text"), email));
    }

    private static String lower(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }
}
