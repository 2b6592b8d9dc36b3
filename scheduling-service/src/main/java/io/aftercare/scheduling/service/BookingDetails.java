package io.aftercare.scheduling.service;

import java.time.Instant;

import io.aftercare.scheduling.BookingStatus;
import io.aftercare.scheduling.Channel;

/**
 * A booking as a clinic's system describes it, already validated, whichever way it came (the booking API or FHIR).
 *
 * @param sourceVersion the booking system's revision; an update older than the stored one is refused
 */
public record BookingDetails(Long sourceVersion, String firstName, String phone, String email, String locale,
        String timeZone, Channel preferredChannel, boolean smsConsent, boolean emailConsent, boolean marketingConsent,
        String treatmentType, Instant treatmentStart, Instant treatmentEnd, BookingStatus status) {
}
