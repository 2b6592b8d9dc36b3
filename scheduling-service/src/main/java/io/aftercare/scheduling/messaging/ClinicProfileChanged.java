package io.aftercare.scheduling.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.aftercare.scheduling.ClinicProfile;
import io.aftercare.scheduling.ClinicWebhook;
import io.aftercare.scheduling.ConsentBasis;

/**
 * A clinic's whole profile, as published on clinic-profiles for the services that keep a copy (see
 * contracts/schemas/clinic-profile.schema.json). Optional parts are left out when the clinic has not set them. Webhook
 * secrets travel sealed (AES-GCM) for the readers that hold the key; anyone else on the network reads no secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClinicProfileChanged(String clinicId, int version, String name, String timeZone, String locale,
        String phone, SendWindow sendWindow, Sms sms, String emailSender, String alertEmail, ConsentBasis consentBasis,
        Map<String, String> helpTexts, List<ClinicWebhook> webhooks, Instant updatedAt) {

    public static final String TYPE = "io.aftercare.clinic.profile.changed.v1";

    /** Local hours, HH:mm. */
    public record SendWindow(String start, String end) {
    }

    public record Sms(String sender, int messagesPerSecond) {
    }

    /** @param webhooks the profile's endpoints, each secret sealed for the topic (never the stored or plain one) */
    public static ClinicProfileChanged of(ClinicProfile profile, List<ClinicWebhook> webhooks) {
        SendWindow window = profile.sendWindowStart == null
                ? null
                : new SendWindow(profile.sendWindowStart.toString(), profile.sendWindowEnd.toString());
        Sms sms = profile.smsSender == null ? null : new Sms(profile.smsSender, profile.smsPerSecond);
        return new ClinicProfileChanged(profile.clinicId, profile.version, profile.name, profile.timeZone,
                profile.locale, profile.phone, window, sms, profile.emailSender, profile.alertEmail,
                profile.consentBasis, Map.copyOf(profile.helpTexts), List.copyOf(webhooks), profile.updatedAt);
    }
}
