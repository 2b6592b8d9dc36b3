package io.aftercare.scheduling.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.aftercare.events.NotificationStatus;
import io.aftercare.scheduling.ReminderState;

/** What the notification service reports of a dispatched reminder, kept on the reminder. */
@ApplicationScoped
public class NotifiedReminders {

    private final EntityManager entityManager;

    public NotifiedReminders(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * @param state the reminder's state to move to ({@code DELIVERED}, {@code FAILED}), or null to keep it; it moves
     *            only from dispatched, or from failed to delivered, and a late "failed" never overwrites "delivered"
     */
    public void record(NotificationStatus event, ReminderState state, Instant at) {
        entityManager.createNativeQuery(ReminderState.sql("""
                UPDATE reminder SET notified_status = :status, notified_reason = :reason, notified_at = :at,
                    state = CASE WHEN CAST(:state AS varchar) IS NOT NULL
                                  AND (state = {DISPATCHED} OR (state = {FAILED} AND :state = {DELIVERED}))
                                 THEN CAST(:state AS varchar) ELSE state END
                WHERE id = :id AND (notified_status IS DISTINCT FROM 'delivered' OR :status = 'delivered')
                """)).setParameter("status", event.status())
                .setParameter("reason", event.reason())
                .setParameter("at", at)
                .setParameter("state", state == null ? null : state.name())
                .setParameter("id", event.reminderId())
                .executeUpdate();
    }
}
