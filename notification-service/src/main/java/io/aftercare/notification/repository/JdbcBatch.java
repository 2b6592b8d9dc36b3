package io.aftercare.notification.repository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * One statement for many rows, sent to PostgreSQL as one JDBC batch on the transaction's connection: a poll of
 * events or a batch of outcomes costs one round trip, not one per row. Hibernate batches only what it maps itself,
 * and these are native upserts. Rows are bound in order, so the answer's counts line up with them.
 */
public final class JdbcBatch {

    private JdbcBatch() {
    }

    /** @return for each row, how many rows its statement changed */
    public static int[] execute(EntityManager entityManager, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
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

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value == null) {
            statement.setNull(index, Types.NULL);
        } else {
            statement.setObject(index, value);
        }
    }
}
