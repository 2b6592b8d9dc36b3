package io.aftercare.scheduling.repository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.Reminder;

/**
 * A brand-new booking and its first reminders, written in plain JDBC on the transaction's connection: one round trip
 * of two statements (the booking, then every reminder in one multi-row INSERT, so the counting trigger of
 * V11__reminder_created_counts fires once), every column of the booking and of its reminders. Changes to a booking that
 * exists are written by {@link BookingRepository#update}.
 */
@ApplicationScoped
public class NewBookingRows {

    private static final String BOOKING = """
            INSERT INTO booking (id, clinic_id, external_id, source_version, first_name, phone, email, locale,
                time_zone, preferred_channel, sms_consent, email_consent, marketing_consent, sms_opted_out,
                treatment_type, treatment_start, treatment_end, status, plan_state, protocol_version, plan_attempts,
                next_plan_at, plan_error, check_in_score, check_in_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String REMINDERS = """
            INSERT INTO reminder (id, booking_id, clinic_id, rule_key, occurrence, protocol_version, category,
                priority, channels, locale, due_at, expires_at, sms_text, email_subject, email_body, state,
                dispatched_at, created_at)
            VALUES """;

    private static final String REMINDER_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int BOOKING_COLUMNS = 27;
    private static final int REMINDER_COLUMNS = 18;

    private final Jdbc jdbc;

    public NewBookingRows(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the booking and its reminders; the caller holds the booking's lock and found no row under it. */
    public void insert(Booking booking, List<Reminder> reminders) {
        String sql = reminders.isEmpty()
                ? BOOKING
                : BOOKING + ";\n" + REMINDERS + String.join(", ", Collections.nCopies(reminders.size(), REMINDER_ROW));
        jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bindBooking(statement, booking);
                int offset = BOOKING_COLUMNS;
                for (Reminder reminder : reminders) {
                    bindReminder(statement, offset, reminder);
                    offset += REMINDER_COLUMNS;
                }
                return statement.execute();
            }
        });
    }

    private static void bindBooking(PreparedStatement s, Booking b) throws SQLException {
        s.setObject(1, b.id);
        s.setString(2, b.clinicId);
        s.setString(3, b.externalId);
        s.setObject(4, b.sourceVersion, Types.BIGINT);
        s.setString(5, b.firstName);
        s.setString(6, b.phone);
        s.setString(7, b.email);
        s.setString(8, b.locale);
        s.setString(9, b.timeZone);
        s.setString(10, b.preferredChannel.name());
        s.setBoolean(11, b.smsConsent);
        s.setBoolean(12, b.emailConsent);
        s.setBoolean(13, b.marketingConsent);
        s.setBoolean(14, b.smsOptedOut);
        s.setString(15, b.treatmentType);
        s.setObject(16, time(b.treatmentStart));
        s.setObject(17, time(b.treatmentEnd));
        s.setString(18, b.status.name());
        s.setString(19, b.planState.name());
        s.setObject(20, b.protocolVersion, Types.INTEGER);
        s.setInt(21, b.planAttempts);
        s.setObject(22, time(b.nextPlanAt), Types.TIMESTAMP_WITH_TIMEZONE);
        s.setString(23, b.planError);
        s.setObject(24, b.checkInScore, Types.SMALLINT);
        s.setObject(25, time(b.checkInAt), Types.TIMESTAMP_WITH_TIMEZONE);
        s.setObject(26, time(b.createdAt));
        s.setObject(27, time(b.updatedAt));
    }

    private static void bindReminder(PreparedStatement s, int o, Reminder r) throws SQLException {
        s.setObject(o + 1, r.id);
        s.setObject(o + 2, r.bookingId);
        s.setString(o + 3, r.clinicId);
        s.setString(o + 4, r.ruleKey);
        s.setInt(o + 5, r.occurrence);
        s.setInt(o + 6, r.protocolVersion);
        s.setString(o + 7, r.category);
        s.setString(o + 8, r.priority.name());
        s.setString(o + 9, r.channels);
        s.setString(o + 10, r.locale);
        s.setObject(o + 11, time(r.dueAt));
        s.setObject(o + 12, time(r.expiresAt));
        s.setString(o + 13, r.smsText);
        s.setString(o + 14, r.emailSubject);
        s.setString(o + 15, r.emailBody);
        s.setString(o + 16, r.state.name());
        s.setObject(o + 17, time(r.dispatchedAt), Types.TIMESTAMP_WITH_TIMEZONE);
        s.setObject(o + 18, time(r.createdAt));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
