package io.aftercare.scheduling.client;

import java.time.Instant;

import io.aftercare.scheduling.Booking;

/**
 * Everything a booking's plan depends on, and nothing else: two bookings with equal requests get the same plan, so a
 * plan fetched for these details before a booking's lock was taken is still the right one once it is held.
 */
public record PlanRequest(String clinicId, String treatmentType, Instant treatmentEnd, String timeZone, String locale,
        String firstName, boolean marketingConsent) {

    public static PlanRequest of(Booking booking) {
        return new PlanRequest(booking.clinicId, booking.treatmentType, booking.treatmentEnd, booking.timeZone,
                booking.locale, booking.firstName, booking.marketingConsent);
    }
}
