package io.aftercare.scheduling.fhir;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aftercare.problem.UnprocessableException;
import io.aftercare.scheduling.rest.BookingRequest;
import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.security.ClinicIdentityProvider;
import io.aftercare.scheduling.service.BookingService;
import io.aftercare.scheduling.service.ClinicProfiles;

/**
 * FHIR R4 Appointments from clinics whose systems speak FHIR, mapped onto the same bookings as the JSON API. The
 * clinic is the signed-in one; the Appointment id is the booking's external id.
 */
@Path("/fhir/r4/Appointment")
@Produces({OperationOutcome.MEDIA_TYPE, "application/json"})
@Consumes({OperationOutcome.MEDIA_TYPE, "application/json"})
@RolesAllowed(ClinicIdentityProvider.CLINIC)
public class AppointmentResource {

    private static final String ID = "[A-Za-z0-9\\-.]{1,64}";

    private final AppointmentMapper mapper;
    private final BookingService bookings;
    private final ClinicAccess access;
    private final Validator validator;
    private final ObjectMapper json;
    private final ClinicProfiles profiles;

    public AppointmentResource(AppointmentMapper mapper, BookingService bookings, ClinicAccess access,
            Validator validator, ObjectMapper json, ClinicProfiles profiles) {
        this.profiles = profiles;
        this.mapper = mapper;
        this.bookings = bookings;
        this.access = access;
        this.validator = validator;
        this.json = json;
    }

    /** Creates or updates the booking of the Appointment's id (or first identifier). */
    @POST
    public Response create(String body) {
        JsonNode appointment = parse(body);
        String id = appointment.path("id").asText(appointment.path("identifier").path(0).path("value").asText(""));
        return upsert(id, appointment);
    }

    @PUT
    @Path("/{id}")
    public Response update(@PathParam("id") String id, String body) {
        JsonNode appointment = parse(body);
        String bodyId = appointment.path("id").asText(null);
        if (bodyId != null && !bodyId.equals(id)) {
            throw new FhirInvalidException(400,
                    List.of(OperationOutcome.invalid("Appointment.id", "must match the id in the URL")));
        }
        return upsert(id, appointment);
    }

    private Response upsert(String id, JsonNode appointment) {
        if (!id.matches(ID)) {
            throw new FhirInvalidException(400, List.of(OperationOutcome.invalid("Appointment.id",
                    "needs an id (or identifier) of 1 to 64 letters, digits, '-' or '.'")));
        }
        BookingRequest request = mapper.toBooking(appointment,
                profiles.of(access.clinicId()).map(profile -> profile.timeZone));
        Set<ConstraintViolation<BookingRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new FhirInvalidException(400, violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> OperationOutcome.invalid(FhirPaths.of(v.getPropertyPath().toString()),
                            v.getPropertyPath() + " " + v.getMessage()))
                    .toList());
        }
        BookingService.UpsertResult result;
        try {
            result = bookings.upsert(access.clinicId(), id, request.details());
        } catch (UnprocessableException e) {
            throw new FhirInvalidException(e.status(), e.errors()
                    .stream()
                    .map(error -> OperationOutcome.invalid(FhirPaths.of(error.field()), e.getMessage()))
                    .toList());
        }
        ObjectNode stored = appointment.deepCopy();
        stored.put("id", id);
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .header("Location", "/fhir/r4/Appointment/" + id)
                .type(OperationOutcome.MEDIA_TYPE)
                .entity(stored)
                .build();
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new FhirInvalidException(400,
                        List.of(OperationOutcome.invalid("Appointment", "the body must be a JSON Appointment")));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new FhirInvalidException(400,
                    List.of(OperationOutcome.invalid("Appointment", "the body is not valid JSON")));
        }
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
