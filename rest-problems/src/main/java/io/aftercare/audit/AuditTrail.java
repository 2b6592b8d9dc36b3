package io.aftercare.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The append-only {@code audit_event} table of this service's database (the repeatable migration in this module's
 * {@code db/audit} creates it, with a trigger that refuses every UPDATE and DELETE but the retention's). Written in a statement of its own, outside the
 * request's transaction, so that a refused or failed request is recorded too. Plain JDBC: the table is the same in
 * three services with three different persistence setups, and nothing here needs an entity.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final DataSource dataSource;
    private final AuditConfig config;
    private final Clock clock;

    public AuditTrail(DataSource dataSource, AuditConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    public void record(String actor, String role, String clinicId, String action, String resource, int status,
            String source) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO audit_event (at, actor, role, clinic_id, action, resource, status, source)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)) {
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setString(2, cut(actor, 64));
            insert.setString(3, role);
            insert.setString(4, cut(clinicId, 64));
            insert.setString(5, action);
            insert.setString(6, cut(resource, 512));
            insert.setInt(7, status);
            insert.setString(8, cut(source, 64));
            insert.executeUpdate();
        } catch (SQLException e) {
            // The request already happened; losing its line is logged loudly rather than failing the answer.
            LOG.errorf("could not record %s %s by %s in the audit trail: %s", action, resource, actor, e.toString());
        }
    }

    /**
     * Newest first, those before {@code beforeId} when given; one more than asked so that the caller knows whether
     * more follow.
     *
     * @param clinicId only this clinic's lines; null: every line
     */
    public List<AuditEntry> page(String clinicId, Long beforeId, int limit) {
        String sql = "SELECT id, at, actor, role, clinic_id, action, resource, status, source FROM audit_event"
                + " WHERE (CAST(? AS varchar) IS NULL OR clinic_id = ?) AND (CAST(? AS bigint) IS NULL OR id < ?)"
                + " ORDER BY id DESC LIMIT ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, clinicId);
            query.setString(2, clinicId);
            query.setObject(3, beforeId);
            query.setObject(4, beforeId);
            query.setInt(5, limit + 1);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getInt(8), rows.getString(9)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail cannot be read now", e);
        }
    }

    @Scheduled(every = "1h", delayed = "3m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        pruneNow();
    }

    /** @return how many lines older than the retention were deleted */
    public int pruneNow() {
        Instant before = clock.instant().minus(config.retention());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement allow = connection.createStatement();
                    PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM audit_event WHERE at < ?")) {
                // The one deletion the append-only trigger lets through, for this transaction only.
                allow.execute("SET LOCAL aftercare.audit_retention = 'on'");
                delete.setTimestamp(1, Timestamp.from(before));
                int deleted = delete.executeUpdate();
                connection.commit();
                if (deleted > 0) {
                    LOG.infof("pruned %d audit lines older than %s", deleted, config.retention());
                }
                return deleted;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.warnf("audit retention: %s; trying again in an hour", e.toString());
            return 0;
        }
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
