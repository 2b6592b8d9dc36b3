package io.aftercare.scheduling.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.scheduling.Reminder;
import io.aftercare.scheduling.ReminderState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReminderRepository implements PanacheRepositoryBase<Reminder, UUID> {

    public List<Reminder> findByBooking(UUID bookingId) {
        return list("booking.id", bookingId);
    }

    /**
     * Locks up to {@code limit} due, planned reminders that no other dispatcher holds, oldest first. Rows another
     * instance has locked are skipped, not waited for, so any number of dispatchers can run side by side.
     */
    @SuppressWarnings("unchecked")
    public List<Reminder> claimDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM reminder
                WHERE state = 'PLANNED' AND due_at <= :now
                ORDER BY due_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """, Reminder.class).setParameter("now", now).setParameter("limit", limit).getResultList();
    }

    public int revokePlanned(UUID bookingId) {
        return update("state = ?1 where booking.id = ?2 and state = ?3", ReminderState.REVOKED, bookingId,
                ReminderState.PLANNED);
    }
}
