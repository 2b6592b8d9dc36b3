package io.aftercare.notification.repository;

import java.sql.SQLException;

/** A statement PostgreSQL refused or could not run; unchecked, so that the transaction it ran in rolls back. */
public class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(String sql, SQLException cause) {
        super("SQL failed (state " + cause.getSQLState() + "): " + sql.strip().lines().findFirst().orElse(""), cause);
    }
}
