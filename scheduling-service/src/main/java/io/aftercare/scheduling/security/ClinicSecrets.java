package io.aftercare.scheduling.security;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.messaging.secrets.SecretBox;
import io.aftercare.scheduling.ClinicProfile;
import io.aftercare.scheduling.ClinicWebhook;

/**
 * A clinic's secrets (its webhook signing secrets and the Authorization value of its FHIR server) are stored sealed in
 * {@code clinic_profile} and published sealed on {@code clinic-profiles}; they are opened only where they are used.
 * Each place has its own context, so a value copied from one clinic's row or event to another's does not open.
 */
@ApplicationScoped
public class ClinicSecrets {

    private final SecretBox box;

    public ClinicSecrets(SecretBox box) {
        this.box = box;
    }

    public List<ClinicWebhook> sealWebhooks(String clinicId, List<ClinicWebhook> plain) {
        return plain.stream()
                .map(w -> new ClinicWebhook(w.id(), w.url(), box.seal(w.secret(), webhooksAtRest(clinicId)),
                        w.events()))
                .toList();
    }

    public List<ClinicWebhook> openWebhooks(String clinicId, List<ClinicWebhook> sealed) {
        return sealed.stream()
                .map(w -> new ClinicWebhook(w.id(), w.url(), box.open(w.secret(), webhooksAtRest(clinicId)),
                        w.events()))
                .toList();
    }

    /** The stored endpoints with each secret sealed for the topic's readers instead. */
    public List<ClinicWebhook> webhooksForTopic(ClinicProfile profile) {
        return openWebhooks(profile.clinicId, profile.webhooks).stream()
                .map(w -> new ClinicWebhook(w.id(), w.url(), box.seal(w.secret(), onTopic(profile.clinicId)),
                        w.events()))
                .toList();
    }

    public String sealFhirAuthorization(String clinicId, String plain) {
        return plain == null ? null : box.seal(plain, fhirAtRest(clinicId));
    }

    /** The Authorization header value for the clinic's FHIR server, or null when it sends none. */
    public String fhirAuthorization(ClinicProfile profile) {
        return profile.fhirAuthorization == null
                ? null
                : box.open(profile.fhirAuthorization, fhirAtRest(profile.clinicId));
    }

    /** What a secret of this clinic is bound to on clinic-profiles; notification opens it with the same. */
    public static String onTopic(String clinicId) {
        return "clinic-profiles:" + clinicId;
    }

    /** What a clinic's stored webhook secrets are bound to in this service's table. */
    public static String webhooksAtRest(String clinicId) {
        return "scheduling.clinic_profile.webhooks:" + clinicId;
    }

    /** What a clinic's stored FHIR authorization is bound to in this service's table. */
    public static String fhirAtRest(String clinicId) {
        return "scheduling.clinic_profile.fhir_authorization:" + clinicId;
    }
}
