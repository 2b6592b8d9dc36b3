package io.aftercare.notification.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** The secrets of the clinics' webhook endpoints, as stored: sealed, or in the clear in older copies of profiles. */
@ApplicationScoped
public class WebhookEndpointSecrets {

    /** An endpoint's secret as stored. */
    public record Stored(String clinicId, String endpointId, String secret) {
    }

    private final Jdbc jdbc;

    public WebhookEndpointSecrets(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every endpoint's secret, locked until the transaction ends. */
    public List<Stored> lockAll() {
        return jdbc.list("SELECT clinic_id, endpoint_id, secret FROM clinic_webhook_endpoint FOR UPDATE",
                row -> new Stored(row.getString(1), row.getString(2), row.getString(3)));
    }

    public void replace(Stored endpoint, String secret) {
        jdbc.update("UPDATE clinic_webhook_endpoint SET secret = ? WHERE clinic_id = ? AND endpoint_id = ?", secret,
                endpoint.clinicId(), endpoint.endpointId());
    }
}
