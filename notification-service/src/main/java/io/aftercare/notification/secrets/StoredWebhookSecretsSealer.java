package io.aftercare.notification.secrets;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * At start, seals the webhook secrets still stored in the clear (copies of profiles taken before secrets were sealed)
 * and seals again under the current key those an older key sealed, so that after a rotation the old key is needed only
 * for events still on the topic. The key is configuration, so a SQL migration could not do this.
 */
@ApplicationScoped
public class StoredWebhookSecretsSealer {

    private static final Logger LOG = Logger.getLogger(StoredWebhookSecretsSealer.class);

    private final EntityManager entityManager;
    private final WebhookSecrets secrets;

    public StoredWebhookSecretsSealer(EntityManager entityManager, WebhookSecrets secrets) {
        this.entityManager = entityManager;
        this.secrets = secrets;
    }

    void onStart(@Observes StartupEvent start) {
        int changed = QuarkusTransaction.requiringNew().call(this::sealAll);
        if (changed > 0) {
            LOG.infof("sealed %d stored webhook secret(s) under the current key", changed);
        }
    }

    /** @return how many secrets changed */
    public int sealAll() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT clinic_id, endpoint_id, secret FROM clinic_webhook_endpoint FOR UPDATE").getResultList();
        int changed = 0;
        for (Object[] row : rows) {
            String clinicId = (String) row[0];
            String stored = (String) row[2];
            String current = secrets.current(clinicId, stored);
            if (!current.equals(stored)) {
                entityManager.createNativeQuery(
                        "UPDATE clinic_webhook_endpoint SET secret = :secret WHERE clinic_id = :clinic AND endpoint_id = :endpoint")
                        .setParameter("secret", current)
                        .setParameter("clinic", clinicId)
                        .setParameter("endpoint", row[1])
                        .executeUpdate();
                changed++;
            }
        }
        return changed;
    }
}
