package io.aftercare.notification.repository;

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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * This service's SQL, run with plain JDBC on the pool's connection (issue 23: Hibernate ORM was a quarter of the
 * classes a service loaded). Inside a JTA transaction Agroal hands every call the same enlisted connection, so the
 * statements of one {@code @Transactional} method stay one transaction; outside one, each statement commits on its own.
 * Parameters are bound in order: an {@link Instant} as {@code timestamptz}, a collection as a PostgreSQL array (for
 * {@code = ANY (?)}), null as SQL NULL.
 */
@ApplicationScoped
public class Jdbc {

    /** Reads one row of a result into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return how many rows the statement changed */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException(sql, e);
        }
    }

    public <T> List<T> list(String sql, RowReader<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<T> found = new ArrayList<>();
            while (rows.next()) {
                found.add(reader.read(rows));
            }
            return found;
        } catch (SQLException e) {
            throw new DatabaseException(sql, e);
        }
    }

    /** The first row's value; empty when there is no row, or when its value is null (a NULL column). */
    public <T> Optional<T> first(String sql, RowReader<T> reader, Object... parameters) {
        List<T> found = list(sql, reader, parameters);
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
    }

    /**
     * One statement for many rows, sent to PostgreSQL as one JDBC batch: a poll of events or a batch of outcomes costs
     * one round trip, not one per row. Rows are bound in order, so the answer's counts line up with them.
     *
     * @return for each row, how many rows its statement changed
     */
    public int[] batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bindAll(connection, statement, row);
                statement.addBatch();
            }
            return statement.executeBatch();
        } catch (SQLException e) {
            throw new DatabaseException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bindAll(connection, statement, parameters);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bindAll(Connection connection, PreparedStatement statement, Object[] parameters)
            throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            bind(connection, statement, i + 1, parameters[i]);
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, Object value)
            throws SQLException {
        if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else if (value instanceof Collection<?> values) {
            statement.setArray(index, connection.createArrayOf(arrayType(values), values.toArray()));
        } else if (value == null) {
            statement.setNull(index, Types.NULL);
        } else {
            statement.setObject(index, value);
        }
    }

    /** PostgreSQL's name of the type of an array's elements; an empty array is text[]. */
    private static String arrayType(Collection<?> values) {
        Object first = values.isEmpty() ? null : values.iterator().next();
        if (first instanceof UUID) {
            return "uuid";
        }
        if (first instanceof Long) {
            return "int8";
        }
        if (first instanceof Integer) {
            return "int4";
        }
        return "text";
    }

    /** A {@code timestamptz} column as an instant; null stays null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    /** An integer column that may be null. */
    public static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** An enum stored by its name; null stays null. */
    public static <E extends Enum<E>> E constant(ResultSet row, String column, Class<E> type) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }
}
