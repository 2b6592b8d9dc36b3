package io.aftercare.guidance.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.guidance.Protocol;
import io.aftercare.guidance.ProtocolStatus;

/**
 * Protocol rows in plain JDBC on the pool's connection (inside a JTA transaction, the transaction's own connection).
 * Nothing is tracked: a draft's new content is written by {@link #updateDraftContent}, and a row is removed by
 * {@link #delete}. The status column holds the enum's name, as it always has.
 */
@ApplicationScoped
public class ProtocolRepository {

    private static final String COLUMNS = "id, treatment, version, status, content, created_at, published_at";
    private static final String PUBLISHED = "'" + ProtocolStatus.PUBLISHED.name() + "'";
    private static final String DRAFT = "'" + ProtocolStatus.DRAFT.name() + "'";

    private final DataSource dataSource;

    public ProtocolRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Protocol> latestPublished(String treatment) {
        return first("SELECT " + COLUMNS + " FROM protocol WHERE treatment = ? AND status = " + PUBLISHED
                + " ORDER BY version DESC LIMIT 1", treatment);
    }

    /** The number of the newest published version, without reading its content (the partial index answers it). */
    public Optional<Integer> latestPublishedVersion(String treatment) {
        String sql = "SELECT max(version) FROM protocol WHERE treatment = ? AND status = " + PUBLISHED;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, treatment);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                int version = row.getInt(1);
                return row.wasNull() ? Optional.empty() : Optional.of(version);
            }
        } catch (SQLException e) {
            throw failed("the latest version of protocol " + treatment, e);
        }
    }

    public Optional<Protocol> published(String treatment, int version) {
        return first("SELECT " + COLUMNS + " FROM protocol WHERE treatment = ? AND status = " + PUBLISHED
                + " AND version = ?", treatment, version);
    }

    public Optional<Protocol> draft(String treatment) {
        return first("SELECT " + COLUMNS + " FROM protocol WHERE treatment = ? AND status = " + DRAFT, treatment);
    }

    /** The newest published version of each treatment, a page at a time (pages numbered from 0). */
    public List<Protocol> latestVersions(int pageIndex, int pageSize) {
        return list("SELECT " + COLUMNS + " FROM protocol p WHERE p.status = " + PUBLISHED
                + " AND p.version = (SELECT max(q.version) FROM protocol q WHERE q.treatment = p.treatment"
                + " AND q.status = " + PUBLISHED + ") ORDER BY p.treatment LIMIT ? OFFSET ?", pageSize,
                (long) pageIndex * pageSize);
    }

    public long countTreatments() {
        String sql = "SELECT count(DISTINCT treatment) FROM protocol WHERE status = " + PUBLISHED;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw failed("the number of published treatments", e);
        }
    }

    /** Serialises edits and publications of one treatment until the transaction ends; call it in a transaction. */
    public void lockTreatment(String treatment) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            statement.setString(1, "protocol/" + treatment);
            statement.execute();
        } catch (SQLException e) {
            throw failed("the lock of protocol " + treatment, e);
        }
    }

    /** @return the row as stored, with the id the database gave it */
    public Protocol insert(Protocol protocol) {
        String sql = "INSERT INTO protocol (treatment, version, status, content, created_at, published_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, protocol.treatment());
            statement.setObject(2, protocol.version(), Types.INTEGER);
            statement.setString(3, protocol.status().name());
            statement.setString(4, protocol.content());
            statement.setObject(5, time(protocol.createdAt()));
            statement.setObject(6, time(protocol.publishedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return protocol.withId(keys.getLong("id"));
            }
        } catch (SQLException e) {
            throw failed("a new row of protocol " + protocol.treatment(), e);
        }
    }

    /** Replaces a draft's content (a published row refuses any change: the database's trigger says so). */
    public void updateDraftContent(long id, String content) {
        update("UPDATE protocol SET content = ? WHERE id = ? AND status = " + DRAFT, content, id);
    }

    public void delete(Protocol protocol) {
        update("DELETE FROM protocol WHERE id = ?", protocol.id());
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("no protocol row changed by " + sql);
            }
        } catch (SQLException e) {
            throw failed("a change of a protocol row", e);
        }
    }

    private Optional<Protocol> first(String sql, Object... parameters) {
        return list(sql, parameters).stream().findFirst();
    }

    private List<Protocol> list(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<Protocol> protocols = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    protocols.add(row(rows));
                }
            }
            return protocols;
        } catch (SQLException e) {
            throw failed("protocols", e);
        }
    }

    private static Protocol row(ResultSet rows) throws SQLException {
        int version = rows.getInt("version");
        Integer published = rows.wasNull() ? null : version;
        return new Protocol(rows.getLong("id"), rows.getString("treatment"), published,
                ProtocolStatus.valueOf(rows.getString("status")), rows.getString("content"),
                instant(rows.getObject("created_at", OffsetDateTime.class)),
                instant(rows.getObject("published_at", OffsetDateTime.class)));
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(what + " could not be read or written", e);
    }
}
