package io.aftercare.scheduling.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.scheduling.Reminder;
import io.aftercare.scheduling.ReminderState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class ReminderRepository implements PanacheRepositoryBase<Reminder, UUID> {

    public List<Reminder> findByBooking(UUID bookingId) {
        return list("booking.id", bookingId);
    }

    public int revokePlanned(UUID bookingId) {
        return update("state = ?1 where booking.id = ?2 and state = ?3", ReminderState.REVOKED, bookingId,
                ReminderState.PLANNED);
    }

    /**
     * One page of a clinic's reminders in (due time, id) order, starting after the given position.
     *
     * @param afterDueAt with {@code afterId}, the last row of the previous page; null for the first page
     */
    public List<Reminder> page(String clinicId, Instant from, Instant to, ReminderState state, Instant afterDueAt,
            UUID afterId, int limit) {
        StringBuilder query = new StringBuilder("clinicId = :clinic");
        Parameters parameters = Parameters.with("clinic", clinicId);
        if (from != null) {
            query.append(" and dueAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and dueAt < :to");
            parameters.and("to", to);
        }
        if (state != null) {
            query.append(" and state = :state");
            parameters.and("state", state);
        }
        if (afterDueAt != null) {
            query.append(" and (dueAt > :afterDueAt or (dueAt = :afterDueAt and id > :afterId))");
            parameters.and("afterDueAt", afterDueAt).and("afterId", afterId);
        }
        query.append(" order by dueAt, id");
        return find(query.toString(), parameters).range(0, limit - 1).list();
    }
}
