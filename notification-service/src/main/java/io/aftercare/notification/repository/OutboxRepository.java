package io.aftercare.notification.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** {@code event_outbox}: the events a change announces, written in its transaction and published after commit. */
@ApplicationScoped
public class OutboxRepository {

    /** A row waiting to be published; its kind says which topic it goes to. */
    public record Row(long id, String kind, String payload) {
    }

    private final EntityManager entityManager;

    public OutboxRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @param rows each a kind, a JSON payload and when it was written, in one round trip */
    public void insert(List<Object[]> rows) {
        JdbcBatch.execute(entityManager, "INSERT INTO event_outbox (kind, payload, created_at) VALUES (?, ?, ?)", rows);
    }

    /** The oldest rows, at most {@code limit}, oldest first. */
    public List<Row> oldest(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = entityManager
                .createNativeQuery("SELECT id, kind, payload FROM event_outbox ORDER BY id LIMIT :limit")
                .setParameter("limit", limit)
                .getResultList();
        return found.stream().map(r -> new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2])).toList();
    }

    public void delete(List<Long> ids) {
        entityManager.createNativeQuery("DELETE FROM event_outbox WHERE id IN (:ids)")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
