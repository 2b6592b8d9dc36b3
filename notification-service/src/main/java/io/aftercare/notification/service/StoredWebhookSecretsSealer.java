package io.aftercare.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.aftercare.notification.repository.WebhookEndpointSecrets;
import io.aftercare.notification.security.WebhookSecrets;
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

    private final WebhookEndpointSecrets endpoints;
    private final WebhookSecrets secrets;

    public StoredWebhookSecretsSealer(WebhookEndpointSecrets endpoints, WebhookSecrets secrets) {
        this.endpoints = endpoints;
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
        int changed = 0;
        for (WebhookEndpointSecrets.Stored endpoint : endpoints.lockAll()) {
            String current = secrets.current(endpoint.clinicId(), endpoint.secret());
            if (!current.equals(endpoint.secret())) {
                endpoints.replace(endpoint, current);
                changed++;
            }
        }
        return changed;
    }
}
