package io.aftercare.scheduling.rest.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.security.ClinicIdentityProvider;

/**
 * {@code POST /fhir/r4} with a {@code transaction} (or {@code batch}) Bundle: Appointments together with the Patients
 * they refer to ({@code Patient/123} or {@code urn:uuid:...}), as clinic systems that keep patients apart send them.
 * Every entry is checked before any is stored, and one refused entry refuses the whole Bundle. Patients are read for
 * their Appointments, not kept as resources of their own.
 */
@Path("/fhir/r4")
@Produces({OperationOutcome.MEDIA_TYPE, "application/json"})
@Consumes({OperationOutcome.MEDIA_TYPE, "application/json"})
@RolesAllowed(ClinicIdentityProvider.CLINIC)
public class TransactionResource {

    private static final Set<String> TYPES = Set.of("transaction", "batch");
    private static final int MAX_ENTRIES = 200;

    private final AppointmentIntake intake;
    private final ClinicAccess access;
    private final ObjectMapper json;

    public TransactionResource(AppointmentIntake intake, ClinicAccess access, ObjectMapper json) {
        this.intake = intake;
        this.access = access;
        this.json = json;
    }

    private record Entry(int index, JsonNode resource, String method, String url) {

        String at() {
            return "Bundle.entry[" + index + "]";
        }
    }

    @POST
    public Response transaction(String body) {
        JsonNode bundle = FhirBodies.parse(json, body, "Bundle");
        List<OperationOutcome.Issue> issues = new ArrayList<>();
        String type = bundle.path("type").asText("");
        if (!"Bundle".equals(bundle.path("resourceType").asText()) || !TYPES.contains(type)) {
            throw new FhirInvalidException(400, List.of(OperationOutcome.invalid("Bundle.type",
                    "must be a Bundle of type transaction or batch")));
        }
        List<Entry> entries = entries(bundle, issues);
        Map<String, JsonNode> patients = BundledPatients.of(bundle);
        List<AppointmentIntake.Accepted> accepted = new ArrayList<>();
        for (Entry entry : entries) {
            if ("Appointment".equals(entry.resource().path("resourceType").asText())) {
                try {
                    accepted.add(intake.read(access.clinicId(), appointmentId(entry), entry.resource(), patients));
                } catch (FhirInvalidException e) {
                    e.issues().forEach(issue -> issues.add(within(entry, issue)));
                }
            }
        }
        if (issues.isEmpty() && accepted.isEmpty()) {
            issues.add(OperationOutcome.invalid("Bundle.entry", "has no Appointment"));
        }
        if (!issues.isEmpty()) {
            throw new FhirInvalidException(400, issues);
        }
        Map<String, Boolean> created = new HashMap<>();
        for (AppointmentIntake.Accepted appointment : accepted) {
            created.put(appointment.id(), intake.store(access.clinicId(), appointment));
        }
        return Response.ok(response(type, entries, created)).type(OperationOutcome.MEDIA_TYPE).build();
    }

    private static List<Entry> entries(JsonNode bundle, List<OperationOutcome.Issue> issues) {
        JsonNode entryNodes = bundle.path("entry");
        if (!entryNodes.isArray() || entryNodes.isEmpty() || entryNodes.size() > MAX_ENTRIES) {
            throw new FhirInvalidException(400, List.of(OperationOutcome.invalid("Bundle.entry",
                    "must list 1 to " + MAX_ENTRIES + " entries")));
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < entryNodes.size(); i++) {
            JsonNode node = entryNodes.get(i);
            Entry entry = new Entry(i, node.path("resource"),
                    node.path("request").path("method").asText(""),
                    node.path("request").path("url").asText(""));
            String resourceType = entry.resource().path("resourceType").asText("");
            if (!resourceType.equals("Appointment") && !resourceType.equals("Patient")) {
                issues.add(OperationOutcome.invalid(entry.at() + ".resource",
                        "must be an Appointment or a Patient; no other resource is taken"));
            } else if (!entry.method().equals("POST") && !entry.method().equals("PUT")) {
                issues.add(OperationOutcome.invalid(entry.at() + ".request.method", "must be POST or PUT"));
            }
            entries.add(entry);
        }
        return entries;
    }

    /** PUT Appointment/{id} names it; a POST takes the resource's id or first identifier. */
    private static String appointmentId(Entry entry) {
        if (entry.method().equals("PUT") && entry.url().startsWith("Appointment/")) {
            return entry.url().substring("Appointment/".length());
        }
        JsonNode appointment = entry.resource();
        return appointment.path("id").asText(appointment.path("identifier").path(0).path("value").asText(""));
    }

    private static OperationOutcome.Issue within(Entry entry, OperationOutcome.Issue issue) {
        return new OperationOutcome.Issue(issue.severity(), issue.code(), issue.diagnostics(),
                issue.expression().stream().map(e -> e.replaceFirst("^Appointment", entry.at() + ".resource"))
                        .toList());
    }

    private ObjectNode response(String type, List<Entry> entries, Map<String, Boolean> created) {
        ObjectNode bundle = json.createObjectNode().put("resourceType", "Bundle").put("type", type + "-response");
        ArrayNode out = bundle.putArray("entry");
        for (Entry entry : entries) {
            ObjectNode response = out.addObject().putObject("response");
            if ("Appointment".equals(entry.resource().path("resourceType").asText())) {
                String id = appointmentId(entry);
                response.put("status", Boolean.TRUE.equals(created.get(id)) ? "201 Created" : "200 OK")
                        .put("location", "Appointment/" + id);
            } else {
                // Read for the Appointments that refer to it; not kept as a resource of its own.
                response.put("status", "200 OK");
            }
        }
        return bundle;
    }
}
