package io.aftercare.scheduling.rest.fhir;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;

import io.aftercare.problem.UnprocessableException;
import io.aftercare.scheduling.repository.FhirPatientLinks;
import io.aftercare.scheduling.rest.BookingRequest;
import io.aftercare.scheduling.service.BookingService;
import io.aftercare.scheduling.service.ClinicProfiles;

/**
 * An Appointment on its way to a booking, in two steps so that a Bundle can check every entry before it stores any:
 * read and validate (the clinic's zone standing in for a missing one), then store and remember which of the clinic's
 * Patients it is for.
 */
@ApplicationScoped
public class AppointmentIntake {

    private static final String ID = "[A-Za-z0-9\\-.]{1,64}";

    /** An Appointment that can be stored as it is. */
    public record Accepted(String id, BookingRequest request, Optional<String> patient) {
    }

    private final AppointmentMapper mapper;
    private final BookingService bookings;
    private final ClinicProfiles profiles;
    private final FhirPatientLinks patients;
    private final Validator validator;

    public AppointmentIntake(AppointmentMapper mapper, BookingService bookings, ClinicProfiles profiles,
            FhirPatientLinks patients, Validator validator) {
        this.mapper = mapper;
        this.bookings = bookings;
        this.profiles = profiles;
        this.patients = patients;
        this.validator = validator;
    }

    /** @throws FhirInvalidException naming every issue of the Appointment at once */
    public Accepted read(String clinicId, String id, JsonNode appointment, Map<String, JsonNode> bundled) {
        if (id == null || !id.matches(ID)) {
            throw new FhirInvalidException(400, List.of(OperationOutcome.invalid("Appointment.id",
                    "needs an id (or identifier) of 1 to 64 letters, digits, '-' or '.'")));
        }
        BookingRequest request = mapper.toBooking(appointment,
                profiles.of(clinicId).map(profile -> profile.timeZone), bundled);
        Set<ConstraintViolation<BookingRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new FhirInvalidException(400, violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> OperationOutcome.invalid(FhirPaths.of(v.getPropertyPath().toString()),
                            v.getPropertyPath() + " " + v.getMessage()))
                    .toList());
        }
        return new Accepted(id, request, mapper.patientReference(appointment, bundled));
    }

    /** @return whether the booking is new */
    public boolean store(String clinicId, Accepted appointment) {
        BookingService.UpsertResult result;
        try {
            result = bookings.upsert(clinicId, appointment.id(), appointment.request().details());
        } catch (UnprocessableException e) {
            throw new FhirInvalidException(e.status(), e.errors()
                    .stream()
                    .map(error -> OperationOutcome.invalid(FhirPaths.of(error.field()), e.getMessage()))
                    .toList());
        }
        appointment.patient().ifPresent(patient -> patients.link(clinicId, appointment.id(), patient));
        return result.created();
    }

    /** Where a booking field comes from in an Appointment, for the OperationOutcome's expression. */
    static final class FhirPaths {

        private FhirPaths() {
        }

        static String of(String bookingField) {
            if (bookingField.startsWith("patient.")) {
                return bookingField.contains("phone") || bookingField.contains("email")
                        || bookingField.contains("Channel")
                                ? "Appointment.contained.Patient.telecom"
                                : bookingField.contains("timeZone")
                                        ? "Appointment.extension"
                                        : bookingField.contains("locale")
                                                ? "Appointment.contained.Patient.communication"
                                                : "Appointment.contained.Patient.name";
            }
            if (bookingField.startsWith("treatment.type")) {
                return "Appointment.serviceType";
            }
            if (bookingField.startsWith("treatment")) {
                return "Appointment.start";
            }
            if (bookingField.equals("sourceVersion")) {
                return "Appointment.meta.versionId";
            }
            return "Appointment";
        }
    }
}
