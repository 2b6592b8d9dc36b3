package io.aftercare.guidance.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.guidance.ProtocolStatus;

/**
 * What every plan reads, in one statement on one connection: the number of the newest published version of the
 * treatment and the clinic's override of it as stored. Plain JDBC, with no transaction of its own: one statement sees one
 * snapshot of both tables.
 */
@ApplicationScoped
public class InForceReader {

    /** The newest published version (null when there is none) and the clinic's stored override (null: none). */
    public record InForce(Integer version, String override) {
    }

    static final String SQL = "SELECT (SELECT max(version) FROM protocol WHERE treatment = ? AND status = '"
            + ProtocolStatus.PUBLISHED.name() + "'), "
            + "(SELECT content FROM clinic_override WHERE clinic_id = ? AND treatment = ?)";

    private final DataSource dataSource;

    public InForceReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param clinicId null for the base protocol alone */
    public InForce read(String treatment, String clinicId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setString(1, treatment);
            if (clinicId == null) {
                statement.setNull(2, Types.VARCHAR);
            } else {
                statement.setString(2, clinicId);
            }
            statement.setString(3, treatment);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                int version = row.getInt(1);
                Integer latest = row.wasNull() ? null : version;
                return new InForce(latest, row.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the protocol in force for " + treatment + " could not be read", e);
        }
    }
}
