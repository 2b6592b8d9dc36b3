package io.aftercare.scheduling.rest.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.scheduling.ClinicProfile;
import io.aftercare.scheduling.client.ClinicFhirServer;
import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.security.ClinicIdentityProvider;
import io.aftercare.scheduling.service.ClinicProfiles;

/**
 * {@code POST /fhir/r4/subscription-hook}: the endpoint of a clinic's FHIR Subscription (channel rest-hook, the
 * clinic's API key in the channel's header). Takes what servers send: the Appointment itself (R4, payload
 * application/fhir+json); an empty ping (R4 without payload); or a notification Bundle (R4 Subscriptions Backport:
 * type history, a Parameters status entry first), whose Appointments come whole (full-resource) or as ids only, read
 * then from the clinic's FHIR server named in its profile. Handshakes and heartbeats are answered and do nothing.
 */
@Path("/fhir/r4/subscription-hook")
@Produces({OperationOutcome.MEDIA_TYPE, "application/json"})
@Consumes({OperationOutcome.MEDIA_TYPE, "application/json", "*/*"})
@RolesAllowed(ClinicIdentityProvider.CLINIC)
public class SubscriptionNotificationResource {

    private static final Set<String> NOTHING_TO_DO = Set.of("handshake", "heartbeat", "query-status", "query-event");

    private final AppointmentIntake intake;
    private final ClinicFhirServer server;
    private final ClinicProfiles profiles;
    private final ClinicAccess access;
    private final ObjectMapper json;
    private final int maxEntries;

    /**
     * @param maxEntries the most entries a notification may have, and the most reads from the clinic's server it may
     *            cause: each id-only entry is a call out, and a Bundle of thousands would make us call thousands of
     *            times for one request
     */
    public SubscriptionNotificationResource(AppointmentIntake intake, ClinicFhirServer server,
            ClinicProfiles profiles, ClinicAccess access, ObjectMapper json,
            @ConfigProperty(name = "aftercare.fhir.max-notification-entries", defaultValue = "100") int maxEntries) {
        this.intake = intake;
        this.server = server;
        this.profiles = profiles;
        this.access = access;
        this.json = json;
        this.maxEntries = maxEntries;
    }

    @POST
    public Response notification(String body) {
        if (body == null || body.isBlank()) {
            return done("a notification without a payload names no Appointment: nothing to do");
        }
        JsonNode notification = FhirBodies.parse(json, body, "Bundle");
        String type = notification.path("resourceType").asText("");
        if (type.equals("Appointment")) {
            String id = notification.path("id").asText("");
            intake.store(access.clinicId(), intake.read(access.clinicId(), id, notification, Map.of()));
            return done("Appointment/" + id + " taken");
        }
        if (!type.equals("Bundle")) {
            throw new FhirInvalidException(400, List.of(OperationOutcome.invalid("resourceType",
                    "must be an Appointment or a subscription notification Bundle")));
        }
        String event = eventType(notification);
        if (NOTHING_TO_DO.contains(event)) {
            return done(event + " acknowledged");
        }
        List<AppointmentIntake.Accepted> accepted = read(notification);
        accepted.forEach(appointment -> intake.store(access.clinicId(), appointment));
        return done(accepted.size() + " Appointment(s) taken");
    }

    /** The notification's type from its status entry (Parameters in the R4 backport, SubscriptionStatus after). */
    private static String eventType(JsonNode bundle) {
        JsonNode status = bundle.path("entry").path(0).path("resource");
        for (JsonNode parameter : status.path("parameter")) {
            if ("type".equals(parameter.path("name").asText())) {
                return parameter.path("valueCode").asText("event-notification");
            }
        }
        return status.path("type").asText("event-notification");
    }

    private List<AppointmentIntake.Accepted> read(JsonNode bundle) {
        JsonNode entries = bundle.path("entry");
        if (entries.size() > maxEntries) {
            throw tooMany("Bundle.entry", "has " + entries.size() + " entries; a notification may have at most "
                    + maxEntries + " (send several)");
        }
        ServerReads reads = new ServerReads(profiles.of(access.clinicId()).orElse(null));
        Map<String, JsonNode> patients = BundledPatients.of(bundle);
        List<AppointmentIntake.Accepted> accepted = new ArrayList<>();
        for (Map.Entry<String, JsonNode> appointment : appointments(entries, reads)) {
            readPatients(appointment, patients, reads);
            JsonNode resource = appointment.getValue();
            accepted.add(intake.read(access.clinicId(), resource.path("id").asText(""), resource, patients));
        }
        if (accepted.isEmpty()) {
            throw new FhirInvalidException(400, List.of(OperationOutcome.invalid("Bundle.entry",
                    "names no Appointment, whole or by id")));
        }
        return accepted;
    }

    /** The Appointments of the bundle, whole or read from the clinic's server by their full URL, by where they are. */
    private static List<Map.Entry<String, JsonNode>> appointments(JsonNode entries, ServerReads reads) {
        List<Map.Entry<String, JsonNode>> appointments = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String at = "Bundle.entry[" + i + "]";
            JsonNode resource = entry.path("resource");
            String fullUrl = entry.path("fullUrl").asText("");
            String resourceType = resource.path("resourceType").asText("");
            if (resourceType.equals("Appointment")) {
                appointments.add(Map.entry(at, resource));
            } else if (resource.isMissingNode() && fullUrl.matches(".*\\bAppointment/[^/]+$")) {
                appointments.add(Map.entry(at, reads.read(fullUrl, at, at + ".fullUrl")));
            }
        }
        return appointments;
    }

    /** Reads from the clinic's server each patient of the appointment the bundle does not carry. */
    private static void readPatients(Map.Entry<String, JsonNode> appointment, Map<String, JsonNode> patients,
            ServerReads reads) {
        for (JsonNode participant : appointment.getValue().path("participant")) {
            String reference = participant.path("actor").path("reference").asText("");
            if (reference.startsWith("Patient/") && !patients.containsKey(reference)) {
                String at = appointment.getKey() + ".participant";
                patients.put(reference, reads.read(reference, at, at));
            }
        }
    }

    /** The reads one notification makes from the clinic's server: each refused before it is made past its share. */
    private final class ServerReads {

        private final ClinicProfile profile;
        private int count;

        ServerReads(ClinicProfile profile) {
            this.profile = profile;
        }

        JsonNode read(String reference, String countedAt, String expression) {
            if (count >= maxEntries) {
                throw tooMany(countedAt, "would make more than " + maxEntries
                        + " reads from the clinic's FHIR server for one notification (send several)");
            }
            count++;
            return fetch(profile, reference, expression);
        }
    }

    private static FhirInvalidException tooMany(String expression, String why) {
        return new FhirInvalidException(400, List.of(new OperationOutcome.Issue("error", "too-costly", why,
                List.of(expression))));
    }

    private static Response done(String what) {
        return Response.ok(OperationOutcome.of(List.of(new OperationOutcome.Issue("information", "informational",
                what, List.of())))).type(OperationOutcome.MEDIA_TYPE).build();
    }

    /**
     * A resource from the clinic's server; what cannot be read refuses the notification: 422 when it may not be, 503
     * when the server could not be read now (the notifying server tries again later).
     */
    private JsonNode fetch(ClinicProfile profile, String reference, String expression) {
        try {
            return server.read(profile, reference, expression);
        } catch (ClinicFhirServer.Unreadable e) {
            throw e.retryLater()
                    ? new FhirInvalidException(503, List.of(new OperationOutcome.Issue("error", "transient",
                            e.getMessage(), List.of(e.expression()))))
                    : new FhirInvalidException(422, List.of(OperationOutcome.invalid(e.expression(), e.getMessage())));
        }
    }
}
