package io.aftercare.scheduling.rest.fhir;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aftercare.scheduling.repository.CareRecords;
import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.security.ClinicIdentityProvider;

/**
 * What happened to a clinic's Appointments, for FHIR-native clinics to read back: {@code GET
 * /fhir/r4/CommunicationRequest}, {@code /Communication} and {@code /Task}, each searched by {@code patient}
 * ({@code Patient/123}, the Patient an Appointment referred to) or by {@code appointment} ({@code Appointment/a-1}).
 * Answers a searchset Bundle of the signed-in clinic's records only.
 */
@Path("/fhir/r4")
@Produces({OperationOutcome.MEDIA_TYPE, "application/json"})
@RolesAllowed(ClinicIdentityProvider.CLINIC)
public class CareRecordResource {

    private static final String ID = "[A-Za-z0-9\\-.]{1,64}";

    private final CareRecords records;
    private final ClinicAccess access;
    private final ObjectMapper json;
    private final CareRecordResources resources;

    public CareRecordResource(CareRecords records, ClinicAccess access, ObjectMapper json) {
        this.records = records;
        this.access = access;
        this.json = json;
        this.resources = new CareRecordResources(json);
    }

    @GET
    @Path("/CommunicationRequest")
    public ObjectNode communicationRequests(@QueryParam("patient") String patient,
            @QueryParam("appointment") String appointment, @Context UriInfo uri) {
        Map<UUID, CareRecords.BookingRef> bookings = bookings(patient, appointment);
        return searchset(uri, records.reminders(List.copyOf(bookings.keySet())).stream()
                .map(reminder -> resources.communicationRequest(reminder, bookings.get(reminder.bookingId())))
                .toList());
    }

    @GET
    @Path("/Communication")
    public ObjectNode communications(@QueryParam("patient") String patient,
            @QueryParam("appointment") String appointment, @Context UriInfo uri) {
        Map<UUID, CareRecords.BookingRef> bookings = bookings(patient, appointment);
        return searchset(uri, records.reminders(List.copyOf(bookings.keySet())).stream()
                .filter(reminder -> reminder.dispatchedAt() != null)
                .map(reminder -> resources.communication(reminder, bookings.get(reminder.bookingId())))
                .toList());
    }

    @GET
    @Path("/Task")
    public ObjectNode tasks(@QueryParam("patient") String patient, @QueryParam("appointment") String appointment,
            @Context UriInfo uri) {
        Map<UUID, CareRecords.BookingRef> bookings = bookings(patient, appointment);
        return searchset(uri, records.urgentReplies(List.copyOf(bookings.keySet())).stream()
                .map(reply -> resources.task(reply, bookings.get(reply.bookingId())))
                .toList());
    }

    private Map<UUID, CareRecords.BookingRef> bookings(String patient, String appointment) {
        if ((patient == null) == (appointment == null)) {
            throw new FhirInvalidException(400, List.of(OperationOutcome.invalid("patient",
                    "search by patient (Patient/123) or by appointment (Appointment/a-1), one of the two")));
        }
        List<CareRecords.BookingRef> found = patient != null
                ? records.byPatient(access.clinicId(), "Patient/" + id(patient, "Patient/", "patient"))
                : records.byAppointment(access.clinicId(), id(appointment, "Appointment/", "appointment"));
        return found.stream().collect(Collectors.toMap(CareRecords.BookingRef::id, Function.identity()));
    }

    private static String id(String value, String prefix, String parameter) {
        String id = value.startsWith(prefix) ? value.substring(prefix.length()) : value;
        if (!id.matches(ID)) {
            throw new FhirInvalidException(400, List.of(OperationOutcome.invalid(parameter,
                    "must be " + prefix + "{id} or {id}, the id of 1 to 64 letters, digits, '-' or '.'")));
        }
        return id;
    }

    private ObjectNode searchset(UriInfo uri, List<ObjectNode> found) {
        ObjectNode bundle = json.createObjectNode().put("resourceType", "Bundle").put("type", "searchset")
                .put("total", found.size());
        bundle.putArray("link").addObject().put("relation", "self").put("url", uri.getRequestUri().toString());
        var entries = bundle.putArray("entry");
        String base = uri.getBaseUri().resolve("fhir/r4/").toString();
        for (ObjectNode resource : found) {
            ObjectNode entry = entries.addObject();
            entry.put("fullUrl", base + resource.path("resourceType").asText() + "/" + resource.path("id").asText());
            entry.set("resource", resource);
            entry.putObject("search").put("mode", "match");
        }
        return bundle;
    }
}
