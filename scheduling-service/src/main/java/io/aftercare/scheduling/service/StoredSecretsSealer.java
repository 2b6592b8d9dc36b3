package io.aftercare.scheduling.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.aftercare.messaging.secrets.SecretBox;
import io.aftercare.scheduling.ClinicProfile;
import io.aftercare.scheduling.ClinicWebhook;
import io.aftercare.scheduling.repository.ClinicProfileRepository;
import io.aftercare.scheduling.security.ClinicSecrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * At start, seals what is still in the clear (profiles written before secrets were sealed) and seals again under the
 * current key what an older key sealed, so that after a rotation the old key is needed only for what is still on the
 * topic. The key is configuration, so a SQL migration could not do this. A few rows per clinic: read whole.
 */
@ApplicationScoped
public class StoredSecretsSealer {

    private static final Logger LOG = Logger.getLogger(StoredSecretsSealer.class);

    private final SecretBox box;
    private final ClinicProfileRepository profiles;

    public StoredSecretsSealer(SecretBox box, ClinicProfileRepository profiles) {
        this.box = box;
        this.profiles = profiles;
    }

    void onStart(@Observes StartupEvent start) {
        int changed = QuarkusTransaction.requiringNew().call(this::sealAll);
        if (changed > 0) {
            LOG.infof("sealed the secrets of %d clinic profile(s) under key %s", changed, box.currentKeyId());
        }
    }

    /** @return how many profiles changed */
    public int sealAll() {
        int changed = 0;
        for (ClinicProfile profile : profiles.all()) {
            String webhooksContext = ClinicSecrets.webhooksAtRest(profile.clinicId);
            List<ClinicWebhook> webhooks = profile.webhooks.stream()
                    .map(w -> new ClinicWebhook(w.id(), w.url(), current(w.secret(), webhooksContext), w.events()))
                    .toList();
            String fhir = profile.fhirAuthorization == null
                    ? null
                    : current(profile.fhirAuthorization, ClinicSecrets.fhirAtRest(profile.clinicId));
            if (!webhooks.equals(profile.webhooks) || !java.util.Objects.equals(fhir, profile.fhirAuthorization)) {
                profiles.updateSecrets(profile.clinicId, webhooks, fhir);
                changed++;
            }
        }
        return changed;
    }

    private String current(String value, String context) {
        return SecretBox.isSealed(value) ? box.reseal(value, context) : box.seal(value, context);
    }
}
