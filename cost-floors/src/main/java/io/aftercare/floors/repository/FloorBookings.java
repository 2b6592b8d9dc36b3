package io.aftercare.floors.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.floors.model.BookingBody;

/**
 * The floor of a booking PUT: in one plain JDBC transaction, an upsert of the booking row and one batch of its 8
 * reminders, with the columns scheduling fills. No entity, no guidance call (the plan is fixed), no audit, no
 * outbox: the least a service could write for the same booking.
 */
@ApplicationScoped
public class FloorBookings {

    /** When the 8 moments fall after the treatment ends, as a microneedling plan spreads them over four weeks. */
    private static final Duration[] MOMENTS = {Duration.ofHours(2), Duration.ofDays(1), Duration.ofDays(2),
            Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(28)};
    private static final String[] CATEGORIES = {"makeup", "sun", "activity", "expectations", "cleansing", "sun",
            "check-in", "expectations"};
    /** About 120 characters once the first name is in, as a rendered template is. */
    private static final String SMS = "Hola %s: hoy evita el maquillaje y el sol directo. Limpia la zona con agua "
            + "tibia y un gel suave. Tu clinica. Dudas? Responde.";
    private static final Duration EXPIRES_AFTER = Duration.ofHours(12);

    private static final String UPSERT = """
            INSERT INTO floor.booking (id, clinic_id, external_id, first_name, phone, email, locale, time_zone,
                preferred_channel, sms_consent, email_consent, treatment_type, treatment_start, treatment_end, status,
                plan_state, protocol_version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, now(), now())
            ON CONFLICT (clinic_id, external_id) DO UPDATE SET first_name = EXCLUDED.first_name,
                phone = EXCLUDED.phone, email = EXCLUDED.email, locale = EXCLUDED.locale,
                time_zone = EXCLUDED.time_zone, preferred_channel = EXCLUDED.preferred_channel,
                sms_consent = EXCLUDED.sms_consent, email_consent = EXCLUDED.email_consent,
                treatment_type = EXCLUDED.treatment_type, treatment_start = EXCLUDED.treatment_start,
                treatment_end = EXCLUDED.treatment_end, status = EXCLUDED.status, plan_state = EXCLUDED.plan_state,
                updated_at = EXCLUDED.updated_at
            RETURNING id, xmax = 0 AS inserted
            """;
    /** A booking PUT again replaces its plan, as scheduling revokes a replaced plan's reminders. */
    private static final String REVOKE = "UPDATE floor.reminder SET state = 'REVOKED' WHERE booking_id = ?"
            + " AND state = 'PLANNED'";
    /** A moment already sent stays sent (the live-reminder unique index would refuse it again). */
    private static final String REMIND = """
            INSERT INTO floor.reminder (id, booking_id, clinic_id, rule_key, occurrence, protocol_version, category,
                priority, channels, locale, due_at, expires_at, sms_text, state, created_at)
            VALUES (?, ?, ?, ?, 1, 1, ?, 'NORMAL', 'sms', ?, ?, ?, ?, 'PLANNED', now())
            ON CONFLICT (booking_id, rule_key, occurrence)
                WHERE state IN ('PLANNED', 'DISPATCHED', 'DELIVERED', 'FAILED') DO NOTHING
            """;

    private final DataSource dataSource;

    public FloorBookings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the booking and its plan; the booking's id (a new one, or the one it had). */
    public UUID save(String clinicId, String externalId, BookingBody body) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                UUID id = upsert(connection, clinicId, externalId, body);
                if (body.wantsReminders()) {
                    plan(connection, id, clinicId, body);
                }
                connection.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static UUID upsert(Connection connection, String clinicId, String externalId, BookingBody body)
            throws SQLException {
        BookingBody.Patient patient = body.patient();
        BookingBody.Treatment treatment = body.treatment();
        OffsetDateTime start = treatment.startsAt().withOffsetSameInstant(ZoneOffset.UTC);
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, UUID.randomUUID());
            upsert.setString(2, clinicId);
            upsert.setString(3, externalId);
            upsert.setString(4, patient.firstName());
            upsert.setString(5, patient.phone());
            upsert.setString(6, patient.email());
            upsert.setString(7, patient.locale());
            upsert.setString(8, patient.timeZone());
            upsert.setString(9, patient.preferredChannel().toUpperCase(Locale.ROOT));
            upsert.setBoolean(10, patient.consent() != null && patient.consent().sms());
            upsert.setBoolean(11, patient.consent() != null && patient.consent().email());
            upsert.setString(12, treatment.type());
            upsert.setObject(13, start);
            upsert.setObject(14, start.plusMinutes(treatment.durationMinutes()));
            upsert.setString(15, body.storedStatus());
            upsert.setString(16, body.wantsReminders() ? "PLANNED" : "NONE");
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                UUID id = row.getObject("id", UUID.class);
                if (!row.getBoolean("inserted")) {
                    revoke(connection, id);
                }
                return id;
            }
        }
    }

    private static void revoke(Connection connection, UUID bookingId) throws SQLException {
        try (PreparedStatement revoke = connection.prepareStatement(REVOKE)) {
            revoke.setObject(1, bookingId);
            revoke.executeUpdate();
        }
    }

    private static void plan(Connection connection, UUID bookingId, String clinicId, BookingBody body)
            throws SQLException {
        OffsetDateTime end = body.treatment()
                .startsAt()
                .withOffsetSameInstant(ZoneOffset.UTC)
                .plusMinutes(body.treatment().durationMinutes());
        String sms = SMS.formatted(body.patient().firstName());
        try (PreparedStatement remind = connection.prepareStatement(REMIND)) {
            for (int moment = 0; moment < MOMENTS.length; moment++) {
                OffsetDateTime due = end.plus(MOMENTS[moment]);
                remind.setObject(1, UUID.randomUUID());
                remind.setObject(2, bookingId);
                remind.setString(3, clinicId);
                remind.setString(4, "moment-" + moment);
                remind.setString(5, CATEGORIES[moment]);
                remind.setString(6, body.patient().locale());
                remind.setObject(7, due);
                remind.setObject(8, due.plus(EXPIRES_AFTER));
                remind.setString(9, sms);
                remind.addBatch();
            }
            remind.executeBatch();
        }
    }
}
