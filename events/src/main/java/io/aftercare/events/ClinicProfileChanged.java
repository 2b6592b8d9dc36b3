package io.aftercare.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The data of a {@code clinic-profiles} event (contracts/schemas/clinic-profile.schema.json): a clinic's whole profile
 * as scheduling, which owns it, last wrote it, for the services that keep a copy. The copy with the highest
 * {@code version} wins. Optional parts are left out (and read as null) when the clinic has not set them. Webhook
 * secrets travel sealed (AES-GCM) for the readers that hold the key; anyone else on the network reads no secret.
 * Built from scheduling's {@code ClinicProfile} in scheduling's publisher, since that entity must not come here.
 *
 * @param consentBasis {@code express-consent} or {@code healthcare-exemption}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClinicProfileChanged(String clinicId, long version, String name, String timeZone, String locale,
        String phone, SendWindow sendWindow, Sms sms, String emailSender, String alertEmail, String consentBasis,
        Map<String, String> helpTexts, List<Webhook> webhooks, Instant updatedAt) {

    public static final String TYPE = "io.aftercare.clinic.profile.changed.v1";

    /** Local hours, HH:mm. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SendWindow(String start, String end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sms(String sender, int messagesPerSecond) {
    }

    /** An endpoint of the clinic's system, the events it wants, and its Standard Webhooks secret (sealed). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Webhook(String id, String url, String secret, List<String> events) {
    }
}
