package io.aftercare.notification.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.messaging.secrets.SecretBox;

/**
 * Clinics' webhook signing secrets arrive sealed for this service on clinic-profiles, are stored sealed again under
 * this service's own context, and are opened only to sign a call. The contexts bind each value to its clinic, so a
 * sealed value copied from one clinic's event or row to another's does not open.
 */
@ApplicationScoped
public class WebhookSecrets {

    private final SecretBox box;

    public WebhookSecrets(SecretBox box) {
        this.box = box;
    }

    /**
     * @return the secret of the clinic's event, sealed for storage
     * @throws SecretBox.SecretRefused when it is not sealed for this clinic with a key this service holds
     */
    public String fromTopic(String clinicId, String sealedForTopic) {
        return box.seal(box.open(sealedForTopic, onTopic(clinicId)), atRest(clinicId));
    }

    /** The stored secret, opened to sign with. */
    public String open(String clinicId, String sealedAtRest) {
        return box.open(sealedAtRest, atRest(clinicId));
    }

    /** The stored secret sealed with the current key: sealed now if it was in the clear, again if under an older key. */
    public String current(String clinicId, String stored) {
        return SecretBox.isSealed(stored) ? box.reseal(stored, atRest(clinicId)) : box.seal(stored, atRest(clinicId));
    }

    /** What scheduling binds a clinic's secrets to on clinic-profiles (its ClinicSecrets.onTopic). */
    static String onTopic(String clinicId) {
        return "clinic-profiles:" + clinicId;
    }

    static String atRest(String clinicId) {
        return "notification.clinic_webhook_endpoint.secret:" + clinicId;
    }
}
