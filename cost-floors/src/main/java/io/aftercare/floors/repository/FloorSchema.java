package io.aftercare.floors.repository;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * The floor's own copies of scheduling's booking and reminder tables, in schema {@code floor} of scheduling's
 * database: the same columns, defaults, constraints and indexes ({@code LIKE ... INCLUDING ALL}, which copies no
 * foreign key, so the reminder's is added here) and the reminder table's fill factor. Scheduling's migrations made
 * the originals, so the copies follow them. Not copied: the statement trigger that counts created reminders
 * (V11), part of what the service does that the floor does not. No Flyway: a floor has no history to migrate.
 */
@ApplicationScoped
public class FloorSchema {

    private static final String[] DDL = {
            "CREATE SCHEMA IF NOT EXISTS floor",
            "CREATE TABLE IF NOT EXISTS floor.booking (LIKE public.booking INCLUDING ALL)",
            "CREATE TABLE IF NOT EXISTS floor.reminder (LIKE public.reminder INCLUDING ALL)",
            "ALTER TABLE floor.reminder SET (fillfactor = 80)",
            """
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT 1 FROM pg_constraint
                                       WHERE conname = 'floor_reminder_booking_fk'
                                         AND connamespace = 'floor'::regnamespace) THEN
                            ALTER TABLE floor.reminder ADD CONSTRAINT floor_reminder_booking_fk
                                FOREIGN KEY (booking_id) REFERENCES floor.booking (id);
                        END IF;
                    END $$"""};

    private final DataSource dataSource;

    public FloorSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void create(@Observes StartupEvent started) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            for (String statement : DDL) {
                ddl.execute(statement);
            }
        }
    }
}
