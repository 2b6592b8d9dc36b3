package io.aftercare.scheduling.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.aftercare.scheduling.BookingStatus;

/** The body of {@code PUT /v1/clinics/{clinicId}/bookings/{externalId}}. */
public record BookingRequest(@NotNull @Valid PatientRequest patient, @NotNull @Valid TreatmentRequest treatment,
        @NotNull BookingStatus status) {
}
