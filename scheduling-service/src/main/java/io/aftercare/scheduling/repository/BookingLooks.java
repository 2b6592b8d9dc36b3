package io.aftercare.scheduling.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.scheduling.BookingStatus;
import io.aftercare.scheduling.Channel;
import io.aftercare.scheduling.PlanState;

/**
 * A booking's look-up by its key (clinic, external id) on the unique index, in plain JDBC: only what a booking PUT
 * needs to decide (stale? does the plan change?), not the whole booking. The PUT's hot path looks twice, once before
 * asking guidance and once under the booking's lock; the whole booking is read only to change a booking that exists.
 */
@ApplicationScoped
public class BookingLooks {

    /** The stored booking as far as a booking PUT's decision goes. */
    public record Look(UUID id, Long sourceVersion, PlanState planState, BookingStatus status, String firstName,
            String phone, String email, String locale, String timeZone, Channel preferredChannel, boolean smsConsent,
            boolean emailConsent, boolean marketingConsent, String treatmentType, Instant treatmentStart,
            Instant treatmentEnd) {
    }

    private static final String LOOK = """
            SELECT id, source_version, plan_state, status, first_name, phone, email, locale, time_zone,
                   preferred_channel, sms_consent, email_consent, marketing_consent, treatment_type, treatment_start,
                   treatment_end
            FROM booking WHERE clinic_id = ? AND external_id = ?""";

    /**
     * The booking's lock, then the look, sent together (one round trip). Each statement of the pair takes its own
     * snapshot (read committed) when it starts, and PostgreSQL starts the look only once the lock is held: it sees
     * every booking committed by the lock's previous holder.
     */
    private static final String LOCK_AND_LOOK = "SELECT pg_advisory_xact_lock(hashtextextended(?, 0));\n" + LOOK;

    private final DataSource dataSource;
    private final Jdbc jdbc;

    public BookingLooks(DataSource dataSource, Jdbc jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** A first look, outside any transaction (one auto-committed statement) and without a lock. */
    public Optional<Look> look(String clinicId, String externalId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(LOOK)) {
            statement.setString(1, clinicId);
            statement.setString(2, externalId);
            try (ResultSet rows = statement.executeQuery()) {
                return read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up a booking", e);
        }
    }

    /**
     * Takes the booking's lock until the transaction ends (so that two racing first PUTs of the same booking make one
     * row, not one winner and one constraint violation) and looks the booking up under it, on the transaction's
     * connection.
     */
    public Optional<Look> lockAndLook(String clinicId, String externalId) {
        return jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LOCK_AND_LOOK)) {
                statement.setString(1, clinicId + '/' + externalId);
                statement.setString(2, clinicId);
                statement.setString(3, externalId);
                statement.execute();
                if (!statement.getMoreResults()) {
                    throw new IllegalStateException("the booking's look-up returned no rows");
                }
                try (ResultSet rows = statement.getResultSet()) {
                    return read(rows);
                }
            }
        });
    }

    private static Optional<Look> read(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return Optional.empty();
        }
        Long version = rows.getObject("source_version", Long.class);
        return Optional.of(new Look(rows.getObject("id", UUID.class), version,
                PlanState.valueOf(rows.getString("plan_state")), BookingStatus.valueOf(rows.getString("status")),
                rows.getString("first_name"), rows.getString("phone"), rows.getString("email"),
                rows.getString("locale"), rows.getString("time_zone"),
                Channel.valueOf(rows.getString("preferred_channel")), rows.getBoolean("sms_consent"),
                rows.getBoolean("email_consent"), rows.getBoolean("marketing_consent"),
                rows.getString("treatment_type"), instant(rows, "treatment_start"),
                instant(rows, "treatment_end")));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }
}
