package io.aftercare.scheduling.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The ids of events this service has acted on: at-least-once delivery made idempotent. */
@ApplicationScoped
public class ProcessedEvents {

    private final Jdbc jdbc;

    public ProcessedEvents(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event id in the caller's transaction; false when it was recorded before. */
    public boolean firstTime(String eventId, Instant now) {
        return jdbc.sql(
                "INSERT INTO processed_event (event_id, processed_at) VALUES (:id, :now) ON CONFLICT DO NOTHING")
                .set("id", eventId)
                .set("now", now)
                .update() == 1;
    }

    /** Deletes up to {@code limit} ids recorded before {@code before}, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteOlderThan(Instant before, int limit) {
        return jdbc.sql("""
                DELETE FROM processed_event WHERE event_id IN (
                    SELECT event_id FROM processed_event WHERE processed_at < :before LIMIT :limit)
                """)
                .set("before", before)
                .set("limit", limit)
                .update();
    }
}
