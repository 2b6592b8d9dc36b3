package io.aftercare.scheduling.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code reminder_created_count} (V11): every insert statement on {@code reminder} adds a row of how many reminders of
 * a clinic it created in an hour; the ops overview sums them.
 */
@ApplicationScoped
public class ReminderCreatedCounts {

    private final Jdbc jdbc;

    public ReminderCreatedCounts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Drops the hours before {@code oldest}. */
    public void dropBefore(Instant oldest) {
        jdbc.sql("DELETE FROM reminder_created_count WHERE hour < :oldest")
                .set("oldest", oldest)
                .update();
    }

    /**
     * Merges each closed hour's rows of a clinic into one. Two instances doing this at once count nothing twice: a row
     * is merged by the one that deleted it.
     *
     * @return how many rows the merge left in place of the ones it read
     */
    public int mergeHoursBefore(Instant currentHour) {
        return jdbc.sql("""
                WITH crowded AS (
                    SELECT clinic_id, hour FROM reminder_created_count WHERE hour < :currentHour
                    GROUP BY clinic_id, hour HAVING count(*) > 1),
                merged AS (
                    DELETE FROM reminder_created_count c USING crowded
                    WHERE c.clinic_id = crowded.clinic_id AND c.hour = crowded.hour
                    RETURNING c.clinic_id, c.hour, c.reminders)
                INSERT INTO reminder_created_count (clinic_id, hour, reminders)
                SELECT clinic_id, hour, sum(reminders) FROM merged GROUP BY clinic_id, hour
                """).set("currentHour", currentHour).update();
    }
}
