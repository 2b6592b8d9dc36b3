package io.aftercare.scheduling.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.events.NotificationStatus;
import io.aftercare.scheduling.ReminderState;

/**
 * What the notification service reports of a dispatched reminder, kept on the reminder: once per event, by a statement
 * that records the event's id and changes the reminder only if the id is new. A redelivered event changes nothing, as
 * before; a transaction of its own around two statements through Hibernate cost scheduling about 0.6 ms of CPU for
 * every text sent (the cost benchmark). A poll's events go as one JDBC batch of that statement in one transaction:
 * each statement sees the ones before it, so the batch ends exactly as the events would one at a time, in order.
 */
@ApplicationScoped
public class NotifiedReminders {

    private static final String RECORD_ONCE = ReminderState.sql("""
            WITH first AS (
                INSERT INTO processed_event (event_id, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING
                RETURNING event_id)
            UPDATE reminder SET notified_status = ?, notified_reason = ?, notified_at = ?,
                state = CASE WHEN CAST(? AS varchar) IS NOT NULL
                              AND (state = {DISPATCHED} OR (state = {FAILED} AND CAST(? AS varchar) = {DELIVERED}))
                             THEN CAST(? AS varchar) ELSE state END
            WHERE id = ? AND (notified_status IS DISTINCT FROM 'delivered' OR CAST(? AS varchar) = 'delivered')
              AND EXISTS (SELECT 1 FROM first)""");

    private final DataSource dataSource;

    public NotifiedReminders(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One reported outcome.
     *
     * @param state the reminder's state to move to ({@code DELIVERED}, {@code FAILED}), or null to keep it; it moves
     *            only from dispatched, or from failed to delivered, and a late "failed" never overwrites "delivered"
     * @param at when it happened, as the notification service says
     */
    public record Outcome(String eventId, NotificationStatus event, ReminderState state, Instant at) {
    }

    /** One event, in one auto-committed statement. */
    public void recordOnce(Instant now, Outcome outcome) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(RECORD_ONCE)) {
            bind(statement, now, outcome);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not record the outcome of reminder " + outcome.event().reminderId(), e);
        }
    }

    /**
     * Events in their order, in one transaction (one round trip and one commit for a poll): all recorded, or, when
     * one fails, none.
     */
    public void recordAllOnce(Instant now, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(RECORD_ONCE)) {
            connection.setAutoCommit(false);
            try {
                for (Outcome outcome : outcomes) {
                    bind(statement, now, outcome);
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the outcomes of " + outcomes.size() + " reminders", e);
        }
    }

    /** A rollback that fails (the connection is gone) keeps the first failure, which says why. */
    private static void rollBack(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void bind(PreparedStatement statement, Instant now, Outcome outcome) throws SQLException {
        String target = outcome.state() == null ? null : outcome.state().name();
        NotificationStatus event = outcome.event();
        statement.setString(1, outcome.eventId());
        statement.setObject(2, now.atOffset(ZoneOffset.UTC));
        statement.setString(3, event.status());
        statement.setString(4, event.reason());
        statement.setObject(5, outcome.at().atOffset(ZoneOffset.UTC));
        statement.setString(6, target);
        statement.setString(7, target);
        statement.setString(8, target);
        statement.setObject(9, event.reminderId(), Types.OTHER);
        statement.setString(10, event.status());
    }
}
