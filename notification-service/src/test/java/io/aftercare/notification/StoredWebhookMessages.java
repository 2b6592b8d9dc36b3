package io.aftercare.notification;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Webhook messages as the tests need to age them, each change in a transaction of its own. */
@ApplicationScoped
public class StoredWebhookMessages {

    private final EntityManager entityManager;

    public StoredWebhookMessages(EntityManager entityManager) {
        this.entityManager = entityManager;
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
