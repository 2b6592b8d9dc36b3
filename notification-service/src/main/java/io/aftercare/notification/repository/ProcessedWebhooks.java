package io.aftercare.notification.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Webhook calls already acted on: a replayed call, even correctly signed, changes nothing. */
@ApplicationScoped
public class ProcessedWebhooks {

    private final EntityManager entityManager;

    public ProcessedWebhooks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean firstTime(String webhookId, Instant now) {
        return entityManager.createNativeQuery(
                "INSERT INTO processed_webhook (webhook_id, processed_at) VALUES (:id, :now) ON CONFLICT DO NOTHING")
                .setParameter("id", webhookId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Deletes up to {@code batch} webhook ids acted on before {@code before}. */
    public int deleteProcessedBefore(Instant before, int batch) {
        return entityManager.createNativeQuery("""
                DELETE FROM processed_webhook WHERE webhook_id IN (
                    SELECT webhook_id FROM processed_webhook WHERE processed_at < :before LIMIT :batch)
                """).setParameter("before", before).setParameter("batch", batch).executeUpdate();
    }
}
