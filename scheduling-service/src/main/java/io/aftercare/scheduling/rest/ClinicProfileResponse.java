package io.aftercare.scheduling.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.aftercare.scheduling.ClinicProfile;
import io.aftercare.scheduling.ConsentBasis;

/** A clinic's profile as stored, with its version and when it last changed; webhook secrets are never answered. */
public record ClinicProfileResponse(String clinicId, String name, String timeZone, String locale, String phone,
        ClinicProfileRequest.SendWindow sendWindow, ClinicProfileRequest.SmsSender sms, String emailSender,
        String alertEmail, ConsentBasis consentBasis, Map<String, String> helpTexts, List<Webhook> webhooks,
        FhirServer fhirServer, int version, Instant updatedAt) {

    /** @param authorized whether reads send an Authorization header (its value is never answered) */
    public record FhirServer(String baseUrl, boolean authorized) {
    }

    public record Webhook(String id, String url, List<String> events) {
    }

    static ClinicProfileResponse of(ClinicProfile profile) {
        return new ClinicProfileResponse(profile.clinicId, profile.name, profile.timeZone, profile.locale,
                profile.phone,
                profile.sendWindowStart == null
                        ? null
                        : new ClinicProfileRequest.SendWindow(profile.sendWindowStart.toString(),
                                profile.sendWindowEnd.toString()),
                profile.smsSender == null
                        ? null
                        : new ClinicProfileRequest.SmsSender(profile.smsSender, profile.smsPerSecond),
                profile.emailSender, profile.alertEmail, profile.consentBasis, profile.helpTexts,
                profile.webhooks.stream().map(w -> new Webhook(w.id(), w.url(), w.events())).toList(),
                profile.fhirBaseUrl == null
                        ? null
                        : new FhirServer(profile.fhirBaseUrl, profile.fhirAuthorization != null),
                profile.version, profile.updatedAt);
    }
}
