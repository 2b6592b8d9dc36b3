package io.aftercare.scheduling.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plain JDBC on the pool, for every repository of this service. Inside a JTA transaction Agroal hands back the
 * transaction's own enlisted connection on each {@code getConnection()} (closing it only gives it back when the
 * transaction ends), so the statements of a {@code @Transactional} method share one transaction; outside one, each
 * statement commits on its own. Statements name their parameters ({@code :clinic}) as the native queries they replaced
 * did, so that a statement reads the same as before; a collection's value stands for as many parameters as it has
 * elements ({@code IN (:ids)}).
 */
@ApplicationScoped
public class Jdbc {

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Statements of its own on the (transaction's) connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Statement sql(String sql) {
        return new Statement(this, sql);
    }

    public <T> T work(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("a statement failed: " + e.getMessage(), e);
        }
    }

    /**
     * One statement with positional parameters for many rows, sent as one JDBC batch (one round trip; pgjdbc rewrites
     * an INSERT's batch into multi-row INSERTs, {@code reWriteBatchedInserts}).
     *
     * @return for each row, how many rows its statement changed
     */
    public int[] batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        bind(statement, i + 1, row[i]);
                    }
                    statement.addBatch();
                }
                return statement.executeBatch();
            }
        });
    }

    /** An {@code Instant} as pgjdbc writes a {@code timestamptz}; enums by name, as the tables hold them. */
    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else {
            statement.setObject(index, value);
        }
    }

    /** A {@code timestamptz} column as an instant; null for NULL. */
    public static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** A nullable integer column. */
    public static Integer integer(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    /** A statement with named parameters, bound and run on the (transaction's) connection. */
    public static final class Statement {

        private final Jdbc jdbc;
        private final String sql;
        private final Map<String, Object> values = new HashMap<>();

        private Statement(Jdbc jdbc, String sql) {
            this.jdbc = jdbc;
            this.sql = sql;
        }

        public Statement set(String name, Object value) {
            values.put(name, value);
            return this;
        }

        /** @return how many rows the statement changed */
        public int update() {
            return run(PreparedStatement::executeUpdate);
        }

        public <T> List<T> list(Row<T> row) {
            return run(statement -> {
                List<T> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(row.read(rows));
                    }
                }
                return found;
            });
        }

        public <T> Optional<T> first(Row<T> row) {
            return run(statement -> {
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(row.read(rows)) : Optional.empty();
                }
            });
        }

        /** The first column of the one row the statement answers, a count. */
        public long number() {
            return first(rows -> rows.getLong(1)).orElseThrow();
        }

        private <T> T run(StatementWork<T> work) {
            List<Object> bound = new ArrayList<>();
            String positional = positional(sql, values, bound);
            return jdbc.work(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(positional)) {
                    for (int i = 0; i < bound.size(); i++) {
                        bind(statement, i + 1, bound.get(i));
                    }
                    return work.run(statement);
                }
            });
        }
    }

    @FunctionalInterface
    private interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /**
     * The statement with each {@code :name} outside quotes replaced by a placeholder (one per element for a
     * collection), and the values in placeholder order appended to {@code bound}. A cast ({@code ::jsonb}) is kept.
     */
    static String positional(String sql, Map<String, Object> values, List<Object> bound) {
        StringBuilder out = new StringBuilder(sql.length());
        boolean quoted = false;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
                continue;
            } else if (!quoted && c == ':' && i + 1 < sql.length()
                    && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                placeholders(sql.substring(i + 1, end), values, bound, out);
                i = end;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static void placeholders(String name, Map<String, Object> values, List<Object> bound,
            StringBuilder out) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no value for :" + name);
        }
        Object value = values.get(name);
        if (value instanceof Collection<?> many) {
            out.append(String.join(", ", java.util.Collections.nCopies(many.size(), "?")));
            bound.addAll(many);
        } else {
            out.append('?');
            bound.add(value);
        }
    }
}
