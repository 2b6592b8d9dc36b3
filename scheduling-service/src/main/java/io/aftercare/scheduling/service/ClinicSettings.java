package io.aftercare.scheduling.service;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.Problem;
import io.aftercare.problem.UnprocessableException;
import io.aftercare.scheduling.ClinicProfile;
import io.aftercare.scheduling.ClinicWebhook;
import io.aftercare.scheduling.repository.ClinicProfileRepository;
import io.aftercare.scheduling.security.ClinicSecrets;

/**
 * What a clinic's admin changes of their own clinic's profile from the console, in parts: the settings (everything but
 * the webhook endpoints and the FHIR server), and each webhook endpoint on its own, whose secret is made here and
 * answered once. The rest of the stored profile is kept as it is; the profile row is locked while it is read and
 * written, so that two admins' changes do not overwrite each other's parts.
 */
@ApplicationScoped
public class ClinicSettings {

    /** As many endpoints as a profile may have (the operator's PUT holds it to the same). */
    public static final int MAX_WEBHOOKS = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** An endpoint with its secret in the clear: answered once, when it is made or rotated. */
    public record IssuedWebhook(String id, String url, List<String> events, String secret) {
    }

    private final ClinicProfiles profiles;
    private final ClinicProfileRepository storedProfiles;
    private final ClinicSecrets secrets;

    public ClinicSettings(ClinicProfiles profiles, ClinicProfileRepository storedProfiles, ClinicSecrets secrets) {
        this.profiles = profiles;
        this.storedProfiles = storedProfiles;
        this.secrets = secrets;
    }

    /** The settings of {@code details}, with the stored webhooks and FHIR server kept (none for a new profile). */
    @Transactional
    public ClinicProfiles.Saved putSettings(String clinicId, ClinicProfiles.Details details) {
        ClinicProfile stored = storedProfiles.findForUpdate(clinicId).orElse(null);
        if (stored == null) {
            return profiles.put(clinicId, details);
        }
        ClinicProfiles.Details kept = ClinicProfiles.Details.of(stored, secrets);
        return profiles.put(clinicId, new ClinicProfiles.Details(details.name(), details.timeZone(),
                details.locale(), details.phone(), details.sendWindowStart(), details.sendWindowEnd(),
                details.smsSender(), details.smsPerSecond(), details.emailSender(), details.alertEmail(),
                details.consentBasis(), details.helpTexts(), kept.webhooks(), kept.fhirBaseUrl(),
                kept.fhirAuthorization()));
    }

    /** A new endpoint with a new secret; refused while the URL is already one, or with five endpoints already. */
    @Transactional
    public IssuedWebhook addWebhook(String clinicId, String url, List<String> events) {
        ClinicProfiles.Details kept = stored(clinicId);
        ClinicWebhook added = ClinicWebhook.at(url, newSecret(), events.stream().distinct().toList());
        if (kept.webhooks().stream().anyMatch(w -> w.id().equals(added.id()))) {
            throw refused(409, "url", "is already an endpoint of this clinic");
        }
        if (kept.webhooks().size() >= MAX_WEBHOOKS) {
            throw refused(409, "url", "a clinic has at most " + MAX_WEBHOOKS + " endpoints; remove one first");
        }
        List<ClinicWebhook> webhooks = new ArrayList<>(kept.webhooks());
        webhooks.add(added);
        profiles.put(clinicId, withWebhooks(kept, webhooks));
        return issued(added);
    }

    /** The endpoint's secret replaced by a new one, answered once; the old one signs nothing from now on. */
    @Transactional
    public IssuedWebhook rotateSecret(String clinicId, String endpointId) {
        ClinicProfiles.Details kept = stored(clinicId);
        ClinicWebhook old = endpoint(kept, clinicId, endpointId);
        ClinicWebhook rotated = new ClinicWebhook(old.id(), old.url(), newSecret(), old.events());
        profiles.put(clinicId, withWebhooks(kept,
                kept.webhooks().stream().map(w -> w.id().equals(endpointId) ? rotated : w).toList()));
        return issued(rotated);
    }

    @Transactional
    public void removeWebhook(String clinicId, String endpointId) {
        ClinicProfiles.Details kept = stored(clinicId);
        endpoint(kept, clinicId, endpointId);
        profiles.put(clinicId,
                withWebhooks(kept, kept.webhooks().stream().filter(w -> !w.id().equals(endpointId)).toList()));
    }

    private ClinicProfiles.Details stored(String clinicId) {
        ClinicProfile stored = storedProfiles.findForUpdate(clinicId).orElse(null);
        if (stored == null) {
            throw new NotFoundProblem("clinic " + clinicId + " has no profile yet: save its settings first");
        }
        return ClinicProfiles.Details.of(stored, secrets);
    }

    private static ClinicWebhook endpoint(ClinicProfiles.Details kept, String clinicId, String endpointId) {
        return kept.webhooks().stream()
                .filter(w -> w.id().equals(endpointId))
                .findFirst()
                .orElseThrow(() -> new NotFoundProblem("clinic " + clinicId + " has no endpoint " + endpointId));
    }

    private static ClinicProfiles.Details withWebhooks(ClinicProfiles.Details d, List<ClinicWebhook> webhooks) {
        return new ClinicProfiles.Details(d.name(), d.timeZone(), d.locale(), d.phone(), d.sendWindowStart(),
                d.sendWindowEnd(), d.smsSender(), d.smsPerSecond(), d.emailSender(), d.alertEmail(),
                d.consentBasis(), d.helpTexts(), List.copyOf(webhooks), d.fhirBaseUrl(), d.fhirAuthorization());
    }

    private static IssuedWebhook issued(ClinicWebhook webhook) {
        return new IssuedWebhook(webhook.id(), webhook.url(), webhook.events(), webhook.secret());
    }

    /** Standard Webhooks' form: {@code whsec_} and 32 random bytes in base64. */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static UnprocessableException refused(int status, String field, String message) {
        return new UnprocessableException(status, "Conflict", "The endpoint cannot be added.",
                List.of(new Problem.FieldError(field, message)));
    }
}
