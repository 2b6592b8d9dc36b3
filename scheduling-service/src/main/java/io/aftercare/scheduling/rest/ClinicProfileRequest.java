package io.aftercare.scheduling.rest;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.aftercare.problem.InputPatterns;
import io.aftercare.scheduling.ClinicWebhook;
import io.aftercare.scheduling.ConsentBasis;
import io.aftercare.scheduling.service.ClinicProfiles;

/**
 * A clinic's profile as the operator writes it: its name as patients know it, its home time zone (where a patient
 * without one of their own is planned), its language, the phone number shown in texts, and, each optional, the
 * hours texts may go out, its own SMS and email senders, the HELP answer per language, the basis on which it texts,
 * where urgent replies are emailed, and its system's webhook endpoints. A PUT replaces the whole profile.
 */
public record ClinicProfileRequest(
        @NotBlank @Size(max = 24, message = "must fit the texts: at most 24 characters") String name,
        @NotNull @Size(max = 64) @IanaZone String timeZone,
        @NotNull @Pattern(regexp = InputPatterns.LANGUAGE_TAG, message = "must be a language tag such as en or es-MX") String locale,
        @NotNull @E164Phone String phone, @Valid SendWindow sendWindow, @Valid SmsSender sms,
        @Email @Size(max = 254) String emailSender, @Email @Size(max = 254) String alertEmail,
        ConsentBasis consentBasis,
        @Size(max = 20) Map<@Pattern(regexp = InputPatterns.LANGUAGE_TAG, message = "must be a language tag such as en or es-MX") String, @NotBlank @Size(max = 320) String> helpTexts,
        @Size(max = 5) List<@NotNull @Valid Webhook> webhooks, @Valid FhirServer fhirServer) {

    private static final String HOUR = "([01][0-9]|2[0-3]):[0-5][0-9]";

    /** Local hours in the patient's zone, HH:mm; the end after the start. */
    public record SendWindow(@NotNull @Pattern(regexp = HOUR, message = "must be a time of day as HH:mm") String start,
            @NotNull @Pattern(regexp = HOUR, message = "must be a time of day as HH:mm") String end) {

        @AssertTrue(message = "must end after it starts")
        public boolean isEndAfterStart() {
            return start == null || end == null || !start.matches(HOUR) || !end.matches(HOUR)
                    || LocalTime.parse(end).isAfter(LocalTime.parse(start));
        }
    }

    /** The clinic's own sender: an E.164 number or a Twilio Messaging Service SID, and how fast it may send. */
    public record SmsSender(
            @NotNull @Pattern(regexp = "\\+[1-9][0-9]{6,14}|MG[0-9a-f]{32}", message = "must be an E.164 number or a Messaging Service SID (MG and 32 hex digits)") String sender,
            @NotNull @Min(1) @Max(1000) Integer messagesPerSecond) {
    }

    /** An endpoint of the clinic's system; the secret signs each call (Standard Webhooks: whsec_ and base64). */
    public record Webhook(
            @NotNull @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL") @OutboundUrl String url,
            @NotNull @Pattern(regexp = "whsec_[A-Za-z0-9+/]{32,}={0,2}", message = "must be whsec_ followed by at least 24 random bytes in base64") String secret,
            @NotEmpty List<@NotNull @Pattern(regexp = "delivery\\.failed|patient\\.replied|patient\\.opted-out|reply\\.urgent", message = "must be one of delivery.failed, patient.replied, patient.opted-out, reply.urgent") String> events) {
    }

    /**
     * The clinic's FHIR server, read for Subscription notifications that name an Appointment without carrying it;
     * the authorization (an Authorization header value, such as a bearer token) is never answered back.
     */
    public record FhirServer(
            @NotNull @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+[^/\\s]", message = "must be an http or https base URL without a trailing slash") @OutboundUrl String baseUrl,
            @Size(max = 500) @Pattern(regexp = "[\\x21-\\x7e][\\x20-\\x7e]*", message = "must be a header value of printable ASCII") String authorization) {
    }

    ClinicProfiles.Details toDetails() {
        return new ClinicProfiles.Details(name, timeZone, locale, phone,
                sendWindow == null ? null : LocalTime.parse(sendWindow.start()),
                sendWindow == null ? null : LocalTime.parse(sendWindow.end()),
                sms == null ? null : sms.sender(), sms == null ? null : sms.messagesPerSecond(), emailSender,
                alertEmail, consentBasis == null ? ConsentBasis.EXPRESS_CONSENT : consentBasis,
                helpTexts == null ? Map.of() : Map.copyOf(helpTexts),
                webhooks == null
                        ? List.of()
                        : webhooks.stream()
                                .map(w -> ClinicWebhook.at(w.url(), w.secret(),
                                        w.events().stream().distinct().toList()))
                                .toList(),
                fhirServer == null ? null : fhirServer.baseUrl(),
                fhirServer == null ? null : fhirServer.authorization());
    }
}
