package io.aftercare.scheduling.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.aftercare.scheduling.ReminderState;

/** Counts of planned reminders by when they are due, for the backlog gauges. */
@ApplicationScoped
public class ReminderBacklog {

    private final EntityManager entityManager;

    public ReminderBacklog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Planned reminders whose due time has passed. */
    public long overdue(Instant now) {
        return ((Number) entityManager.createNativeQuery(
                ReminderState.sql("SELECT count(*) FROM reminder WHERE state = {PLANNED} AND due_at <= :now"))
                .setParameter("now", now)
                .getSingleResult()).longValue();
    }

    /** Planned reminders due after {@code now}, up to {@code until}. */
    public long dueBetween(Instant now, Instant until) {
        return ((Number) entityManager.createNativeQuery(
                ReminderState.sql(
                        "SELECT count(*) FROM reminder WHERE state = {PLANNED} AND due_at > :now AND due_at <= :until"))
                .setParameter("now", now)
                .setParameter("until", until)
                .getSingleResult()).longValue();
    }
}
