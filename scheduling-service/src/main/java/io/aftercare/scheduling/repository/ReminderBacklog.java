package io.aftercare.scheduling.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.scheduling.ReminderState;

/** Counts of planned reminders by when they are due, for the backlog gauges. */
@ApplicationScoped
public class ReminderBacklog {

    private final Jdbc jdbc;

    public ReminderBacklog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Planned reminders whose due time has passed. */
    public long overdue(Instant now) {
        return jdbc.sql(
                ReminderState.sql("SELECT count(*) FROM reminder WHERE state = {PLANNED} AND due_at <= :now"))
                .set("now", now)
                .number();
    }

    /** Planned reminders due after {@code now}, up to {@code until}. */
    public long dueBetween(Instant now, Instant until) {
        return jdbc.sql(
                ReminderState.sql(
                        "SELECT count(*) FROM reminder WHERE state = {PLANNED} AND due_at > :now AND due_at <= :until"))
                .set("now", now)
                .set("until", until)
                .number();
    }
}
