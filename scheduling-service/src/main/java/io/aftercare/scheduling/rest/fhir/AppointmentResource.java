package io.aftercare.scheduling.rest.fhir;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.security.ClinicIdentityProvider;

/**
 * FHIR R4 Appointments from clinics whose systems speak FHIR, mapped onto the same bookings as the JSON API. The
 * clinic is the signed-in one; the Appointment id is the booking's external id.
 */
@Path("/fhir/r4/Appointment")
@Produces({OperationOutcome.MEDIA_TYPE, "application/json"})
@Consumes({OperationOutcome.MEDIA_TYPE, "application/json"})
@RolesAllowed(ClinicIdentityProvider.CLINIC)
public class AppointmentResource {

    private final AppointmentIntake intake;
    private final ClinicAccess access;
    private final ObjectMapper json;

    public AppointmentResource(AppointmentIntake intake, ClinicAccess access, ObjectMapper json) {
        this.intake = intake;
        this.access = access;
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
        boolean created = intake.store(access.clinicId(),
                intake.read(access.clinicId(), id, appointment, java.util.Map.of()));
        ObjectNode stored = appointment.deepCopy();
        stored.put("id", id);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .header("Location", "/fhir/r4/Appointment/" + id)
                .type(OperationOutcome.MEDIA_TYPE)
                .entity(stored)
                .build();
    }

    private JsonNode parse(String body) {
        return FhirBodies.parse(json, body, "Appointment");
    }
}
