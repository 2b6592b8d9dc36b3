package io.aftercare.scheduling.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import io.aftercare.scheduling.BookingStatus;
import io.aftercare.scheduling.service.BookingDetails;

/**
 * The body of {@code PUT /v1/clinics/{clinicId}/bookings/{externalId}}.
 *
 * @param sourceVersion the booking system's revision of this booking; an update older than the stored one is refused
 */
public record BookingRequest(@NotNull @Valid PatientRequest patient, @NotNull @Valid TreatmentRequest treatment,
        @NotNull BookingStatus status, @PositiveOrZero Long sourceVersion) {

    @AssertTrue(message = "treatment.actualEndsAt is only for a completed booking")
    public boolean isActualEndOnlyWhenCompleted() {
        return treatment == null || treatment.actualEndsAt() == null || status == BookingStatus.COMPLETED;
    }

    /** What the service needs of it, once it is valid. */
    public BookingDetails details() {
        return new BookingDetails(sourceVersion, patient.firstName(), patient.phone(), patient.email(),
                patient.locale(), patient.timeZone(), patient.preferredChannel(), patient.consent().sms(),
                patient.consent().email(), patient.consent().marketingGiven(), treatment.type(),
                treatment.startsAt().toInstant(), treatment.end().toInstant(), status);
    }
}
