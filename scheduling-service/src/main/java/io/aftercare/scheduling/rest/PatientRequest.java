package io.aftercare.scheduling.rest;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.aftercare.scheduling.Channel;

/** Who the reminders are for and how to reach them. */
public record PatientRequest(@NotBlank @Size(max = 20) String firstName,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +447700900123") String phone,
        @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or es-MX") String locale,
        @NotBlank @Size(max = 64) String timeZone, @NotNull Channel preferredChannel, @NotNull @Valid Consent consent) {

    /** Consent per channel, as the clinic recorded it. */
    public record Consent(boolean sms, boolean email) {
    }

    @AssertTrue(message = "must be an IANA time zone such as Europe/London")
    public boolean isTimeZoneKnown() {
        if (timeZone == null || timeZone.isBlank()) {
            return true; // reported by @NotBlank
        }
        try {
            ZoneId.of(timeZone);
            return timeZone.contains("/") || timeZone.equals("UTC");
        } catch (DateTimeException e) {
            return false;
        }
    }

    @AssertTrue(message = "the preferred channel needs its contact: a phone for sms, an email for email")
    public boolean isPreferredChannelReachable() {
        if (preferredChannel == null) {
            return true; // reported by @NotNull
        }
        return preferredChannel == Channel.SMS ? phone != null : email != null;
    }
}
