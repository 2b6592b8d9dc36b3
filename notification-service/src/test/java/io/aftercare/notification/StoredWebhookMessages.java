package io.aftercare.notification;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.aftercare.notification.repository.WebhookMessageRepository;

/** Webhook messages as the tests need to age them, each change in a transaction of its own. */
@ApplicationScoped
public class StoredWebhookMessages {

    private final EntityManager entityManager;
    private final WebhookMessageRepository messages;

    public StoredWebhookMessages(EntityManager entityManager, WebhookMessageRepository messages) {
        this.entityManager = entityManager;
        this.messages = messages;
    }

    /**
     * A {@code patient.replied} message for each of the clinic's endpoints subscribed to it, due now, enqueued the way
     * a filed reply enqueues it.
     */
    @Transactional
    public int replied(String clinicId, String text) {
        Instant now = Instant.now();
        return messages.enqueue(clinicId, "patient.replied",
                "{\"type\": \"patient.replied\", \"timestamp\": \"" + now + "\", \"data\": {\"text\": \"" + text
                        + "\"}}",
                now, now);
    }

    /** Makes the message look last changed at {@code at}, as an old one would. */
    @Transactional
    public void lastChangedAt(String messageId, Instant at) {
        entityManager.createNativeQuery("UPDATE webhook_message SET updated_at = :at WHERE id = :id")
                .setParameter("at", at)
                .setParameter("id", messageId)
                .executeUpdate();
    }

    @Transactional
    public boolean exists(String messageId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM webhook_message WHERE id = :id")
                .setParameter("id", messageId)
                .getResultList()
                .isEmpty();
    }
}
