package io.aftercare.notification.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/** Webhook calls already acted on: a replayed call, even correctly signed, changes nothing. */
@ApplicationScoped
public class ProcessedWebhooks {

    private final Jdbc jdbc;

    public ProcessedWebhooks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public boolean firstTime(String webhookId, Instant now) {
        return jdbc.update(
                "INSERT INTO processed_webhook (webhook_id, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                webhookId, now) == 1;
    }

    /** Deletes up to {@code batch} webhook ids acted on before {@code before}. */
    public int deleteProcessedBefore(Instant before, int batch) {
        return jdbc.update("""
                DELETE FROM processed_webhook WHERE webhook_id IN (
                    SELECT webhook_id FROM processed_webhook WHERE processed_at < ? LIMIT ?)
                """, before, batch);
    }
}
