package io.aftercare.scheduling.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.aftercare.problem.InputPatterns;

/**
 * A clinic's profile as the operator writes it: its name as patients know it, its home time zone (where a patient
 * without one of their own is planned), its language, and the phone number shown in texts.
 */
public record ClinicProfileRequest(@NotBlank @Size(max = 100) String name,
        @NotNull @Size(max = 64) @IanaZone String timeZone,
        @NotNull @Pattern(regexp = InputPatterns.LANGUAGE_TAG, message = "must be a language tag such as en or es-MX") String locale,
        @NotNull @E164Phone String phone) {
}
