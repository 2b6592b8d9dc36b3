package io.aftercare.notification.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The secrets of the clinics' webhook endpoints, as stored: sealed, or in the clear in older copies of profiles. */
@ApplicationScoped
public class WebhookEndpointSecrets {

    /** An endpoint's secret as stored. */
    public record Stored(String clinicId, String endpointId, String secret) {
    }

    private final EntityManager entityManager;

    public WebhookEndpointSecrets(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Every endpoint's secret, locked until the transaction ends. */
    public List<Stored> lockAll() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT clinic_id, endpoint_id, secret FROM clinic_webhook_endpoint FOR UPDATE").getResultList();
        return rows.stream().map(row -> new Stored((String) row[0], (String) row[1], (String) row[2])).toList();
    }

    public void replace(Stored endpoint, String secret) {
        entityManager.createNativeQuery(
                "UPDATE clinic_webhook_endpoint SET secret = :secret WHERE clinic_id = :clinic AND endpoint_id = :endpoint")
                .setParameter("secret", secret)
                .setParameter("clinic", endpoint.clinicId())
                .setParameter("endpoint", endpoint.endpointId())
                .executeUpdate();
    }
}
