package io.aftercare.scheduling.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The ids of events this service has acted on: at-least-once delivery made idempotent. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the event id in the caller's transaction; false when it was recorded before. */
    public boolean firstTime(String eventId, Instant now) {
        return entityManager.createNativeQuery(
                "INSERT INTO processed_event (event_id, processed_at) VALUES (:id, :now) ON CONFLICT DO NOTHING")
                .setParameter("id", eventId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Deletes up to {@code limit} ids recorded before {@code before}, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteOlderThan(Instant before, int limit) {
        return entityManager.createNativeQuery("""
                DELETE FROM processed_event WHERE event_id IN (
                    SELECT event_id FROM processed_event WHERE processed_at < :before LIMIT :limit)
                """)
                .setParameter("before", before)
                .setParameter("limit", limit)
                .executeUpdate();
    }
}
