package io.aftercare.scheduling.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What of a clinic's profile its patients' texts say, when and how many may arrive: its name, its phone, its send
 * window and its consent basis (a healthcare exemption caps the budget), sent to guidance with each plan request. Read fresh each time (one lookup by key): a profile that changes
 * queues its clinic's bookings for a new plan, and a copy kept here could hand that new plan the old name.
 */
@ApplicationScoped
public class ClinicVoices {

    /** Each part null when the profile leaves it to guidance's protocol (or there is no profile). */
    public record Voice(String name, String phone, LocalTime windowStart, LocalTime windowEnd, String consentBasis) {

        public static final Voice NONE = new Voice(null, null, null, null, null);
    }

    private static final String VOICE = """
            SELECT name, phone, send_window_start, send_window_end, consent_basis
            FROM clinic_profile WHERE clinic_id = ?""";

    private final DataSource dataSource;

    public ClinicVoices(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One statement by key in plain JDBC: auto-committed outside a transaction (a booking PUT asks before it takes
     * any lock), on the transaction's own connection inside one.
     */
    public Voice of(String clinicId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(VOICE)) {
            statement.setString(1, clinicId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Voice.NONE;
                }
                return new Voice(rows.getString(1), rows.getString(2), rows.getObject(3, LocalTime.class),
                        rows.getObject(4, LocalTime.class),
                        rows.getString(5).toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read clinic " + clinicId + "'s profile", e);
        }
    }
}
