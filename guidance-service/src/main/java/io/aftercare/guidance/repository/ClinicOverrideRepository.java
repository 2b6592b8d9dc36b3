package io.aftercare.guidance.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.guidance.ClinicOverride;

/**
 * Clinic override rows in plain JDBC on the pool's connection (inside a JTA transaction, the transaction's own
 * connection). Nothing is tracked: a replacement is written by {@link #update}.
 */
@ApplicationScoped
public class ClinicOverrideRepository {

    private final DataSource dataSource;

    public ClinicOverrideRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<ClinicOverride> find(String clinicId, String treatment) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, clinic_id, treatment, content, updated_at FROM clinic_override"
                                + " WHERE clinic_id = ? AND treatment = ?")) {
            statement.setString(1, clinicId);
            statement.setString(2, treatment);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ClinicOverride(row.getObject("id", UUID.class), row.getString("clinic_id"),
                        row.getString("treatment"), row.getString("content"),
                        row.getObject("updated_at", OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw failed("the override of " + treatment + " by clinic " + clinicId, e);
        }
    }

    public void insert(ClinicOverride override) {
        execute("INSERT INTO clinic_override (id, clinic_id, treatment, content, updated_at) VALUES (?, ?, ?, ?, ?)",
                override.id(), override.clinicId(), override.treatment(), override.content(),
                time(override.updatedAt()));
    }

    /** Replaces the stored content of the override with this id, and when it changed. */
    public void update(ClinicOverride override) {
        execute("UPDATE clinic_override SET content = ?, updated_at = ? WHERE id = ?", override.content(),
                time(override.updatedAt()), override.id());
    }

    public void delete(ClinicOverride override) {
        execute("DELETE FROM clinic_override WHERE id = ?", override.id());
    }

    /** One statement that must change exactly one row. */
    private void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("no clinic override row changed by " + sql);
            }
        } catch (SQLException e) {
            throw failed("a change of a clinic override", e);
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(what + " could not be read or written", e);
    }
}
