package io.aftercare.scheduling.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.aftercare.problem.InputPatterns;
import io.aftercare.scheduling.Channel;

/**
 * Who the reminders are for and how to reach them. The first name is at most 20 characters: every text message is
 * proven to fit one segment with a name that long.
 */
public record PatientRequest(@NotBlank @Size(max = 20) String firstName, @E164Phone String phone,
        @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = InputPatterns.LANGUAGE_TAG, message = "must be a language tag such as en or es-MX") String locale,
        @NotBlank @Size(max = 64) @IanaZone String timeZone, @NotNull Channel preferredChannel,
        @NotNull @Valid Consent consent) {

    /**
     * Consent per channel, as the clinic recorded it, and separately consent to marketing messages (the "book your
     * next session" message needs it; absent means no).
     */
    public record Consent(boolean sms, boolean email, Boolean marketing) {

        public Consent(boolean sms, boolean email) {
            this(sms, email, null);
        }

        public boolean marketingGiven() {
            return Boolean.TRUE.equals(marketing);
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
