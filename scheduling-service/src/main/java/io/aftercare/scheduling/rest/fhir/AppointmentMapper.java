package io.aftercare.scheduling.rest.fhir;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.aftercare.problem.InputPatterns;
import io.aftercare.scheduling.BookingStatus;
import io.aftercare.scheduling.Channel;
import io.aftercare.scheduling.rest.BookingRequest;
import io.aftercare.scheduling.rest.PatientRequest;
import io.aftercare.scheduling.rest.TreatmentRequest;

/**
 * Reads a FHIR R4 Appointment into the same booking the JSON API takes. The patient is the Appointment's Patient
 * participant, given as a contained Patient resource (name, telecom, communication language) or referenced
 * ({@code Patient/123}, {@code urn:uuid:...}) and sent in the same Bundle; the patient's time zone
 * comes from the standard {@code timezone} extension on the Appointment or the Patient, else from the clinic's
 * profile; the treatment from
 * serviceType or appointmentType. The telecoms listed are the ones the clinic may use for aftercare reminders.
 */
@ApplicationScoped
public class AppointmentMapper {

    /**
     * Consent to marketing messages, apart from consent to care messages: a boolean extension on the Patient (FHIR R4
     * has no standard element for it outside a Consent resource).
     */
    static final String MARKETING_CONSENT = "https://aftercare.io/fhir/StructureDefinition/marketing-consent";

    static final String TIMEZONE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/timezone";
    private static final Map<String, BookingStatus> STATUSES = Map.of("booked", BookingStatus.BOOKED, "cancelled",
            BookingStatus.CANCELLED, "noshow", BookingStatus.NO_SHOW, "fulfilled", BookingStatus.COMPLETED);

    /**
     * @param clinicZone the clinic's home time zone from its profile, if it has one: the patient's zone when the
     *            Appointment carries none, as clinic systems rarely do
     */
    public BookingRequest toBooking(JsonNode appointment, Optional<String> clinicZone) {
        return toBooking(appointment, clinicZone, Map.of());
    }

    /**
     * @param bundled the Patients sent beside the Appointment in a Bundle, by each way an entry can be referred to
     *            (its fullUrl, and Patient/id)
     */
    public BookingRequest toBooking(JsonNode appointment, Optional<String> clinicZone, Map<String, JsonNode> bundled) {
        List<OperationOutcome.Issue> issues = new ArrayList<>();
        if (!"Appointment".equals(appointment.path("resourceType").asText())) {
            throw new FhirInvalidException(400,
                    List.of(OperationOutcome.invalid("Appointment.resourceType", "must be Appointment")));
        }
        String statusText = text(appointment, "status", "Appointment.status", issues);
        BookingStatus status = statusText == null ? null : STATUSES.get(statusText);
        if (status == null && !typeIssue(issues, "Appointment.status")) {
            issues.add(OperationOutcome.invalid("Appointment.status",
                    "must be one of booked, cancelled, noshow, fulfilled"));
        }
        OffsetDateTime start = instant(appointment, "start", issues);
        OffsetDateTime end = instant(appointment, "end", issues);
        String treatment = treatment(appointment);
        if (treatment == null) {
            issues.add(OperationOutcome.invalid("Appointment.serviceType",
                    "must name the treatment (serviceType or appointmentType coding code, display or text)"));
        }
        JsonNode patient = patient(appointment, bundled);
        if (patient == null) {
            issues.add(OperationOutcome.invalid("Appointment.participant",
                    "needs a Patient participant whose actor refers to a contained Patient (\"#id\"), or to a Patient "
                            + "sent with it in a transaction Bundle (POST /fhir/r4)"));
        }
        String zone = Optional.ofNullable(timeZone(appointment, patient)).or(() -> clinicZone).orElse(null);
        if (zone == null) {
            issues.add(OperationOutcome.invalid("Appointment.extension",
                    "needs the patient's IANA time zone in the extension " + TIMEZONE_EXTENSION
                            + ", or a clinic profile with a time zone"));
        }
        PatientRequest patientRequest = patient == null ? null : patientRequest(patient, zone, issues);
        Long version = versionId(appointment, issues);
        if (!issues.isEmpty()) {
            throw new FhirInvalidException(400, issues);
        }
        return new BookingRequest(patientRequest, new TreatmentRequest(treatment, start, end, null, null), status,
                version);
    }

    private static PatientRequest patientRequest(JsonNode patient, String zone, List<OperationOutcome.Issue> issues) {
        Contacts contacts = contacts(patient, issues);
        String firstName = text(patient.path("name").path(0).path("given"), 0,
                "Appointment.contained.Patient.name[0].given[0]", issues);
        String language = text(patient.path("communication").path(0).path("language").path("coding").path(0),
                "code", "Appointment.contained.Patient.communication[0].language.coding[0].code", issues);
        boolean marketing = marketingConsent(patient, issues);
        language = language == null ? "en" : language;
        return new PatientRequest(firstName, contacts.phone(), contacts.email(), locale(language), zone,
                contacts.preferred(), new PatientRequest.Consent(contacts.phone() != null, contacts.email() != null,
                        marketing));
    }

    /** The first phone and the first email, and the channel of the best-ranked contact as the preferred one. */
    private record Contacts(String phone, String email, Channel preferred) {
    }

    private static Contacts contacts(JsonNode patient, List<OperationOutcome.Issue> issues) {
        String phone = null;
        String email = null;
        Channel preferred = null;
        int bestRank = Integer.MAX_VALUE;
        int index = 0;
        for (JsonNode telecom : patient.path("telecom")) {
            String at = "Appointment.contained.Patient.telecom[" + index++ + "]";
            String system = text(telecom, "system", at + ".system", issues);
            String value = text(telecom, "value", at + ".value", issues);
            int rank = integer(telecom, "rank", at + ".rank", issues).orElse(Integer.MAX_VALUE - 1);
            Channel channel = system == null ? null : switch (system) {
                case "phone", "sms" -> Channel.SMS;
                case "email" -> Channel.EMAIL;
                default -> null;
            };
            if (channel == null || value == null) {
                continue;
            }
            if (channel == Channel.SMS && phone == null) {
                phone = value.replace(" ", "");
            } else if (channel == Channel.EMAIL && email == null) {
                email = value;
            }
            if (rank < bestRank) {
                bestRank = rank;
                preferred = channel;
            }
        }
        return new Contacts(phone, email, preferred);
    }

    private static boolean marketingConsent(JsonNode patient, List<OperationOutcome.Issue> issues) {
        boolean marketing = false;
        for (JsonNode extension : patient.path("extension")) {
            if (MARKETING_CONSENT.equals(extension.path("url").asText())) {
                JsonNode value = extension.path("valueBoolean");
                if (!value.isMissingNode() && !value.isBoolean()) {
                    issues.add(OperationOutcome.invalid("Appointment.contained.Patient.extension.valueBoolean",
                            "must be true or false, not a " + kind(value)));
                }
                marketing |= value.asBoolean(false);
            }
        }
        return marketing;
    }

    /** en-us becomes en-US, the form the booking API takes. */
    private static String locale(String code) {
        String[] parts = code.replace('_', '-').split("-");
        return parts.length == 1
                ? parts[0].toLowerCase(Locale.ROOT)
                : parts[0].toLowerCase(Locale.ROOT) + "-" + parts[1].toUpperCase(Locale.ROOT);
    }

    /**
     * The Patient the Appointment refers to from outside itself ({@code Patient/123}), as the clinic's system knows it:
     * what a clinic searches our records by. A Bundle entry referred to by {@code urn:uuid:} gives its own id.
     */
    public Optional<String> patientReference(JsonNode appointment, Map<String, JsonNode> bundled) {
        for (JsonNode participant : appointment.path("participant")) {
            String reference = participant.path("actor").path("reference").asText("");
            JsonNode patient = bundled.get(reference);
            if (reference.startsWith("Patient/")) {
                return Optional.of(reference);
            }
            if (patient != null && patient.path("id").isTextual()) {
                return Optional.of("Patient/" + patient.path("id").asText());
            }
        }
        return Optional.empty();
    }

    private static JsonNode patient(JsonNode appointment, Map<String, JsonNode> bundled) {
        for (JsonNode participant : appointment.path("participant")) {
            String reference = participant.path("actor").path("reference").asText("");
            if (bundled.containsKey(reference)) {
                return bundled.get(reference);
            }
            if (reference.startsWith("#")) {
                for (JsonNode contained : appointment.path("contained")) {
                    if ("Patient".equals(contained.path("resourceType").asText())
                            && reference.substring(1).equals(contained.path("id").asText())) {
                        return contained;
                    }
                }
            }
        }
        return null;
    }

    private static String timeZone(JsonNode appointment, JsonNode patient) {
        String zone = extension(appointment, TIMEZONE_EXTENSION);
        return zone != null || patient == null ? zone : extension(patient, TIMEZONE_EXTENSION);
    }

    private static String extension(JsonNode resource, String url) {
        for (JsonNode extension : resource.path("extension")) {
            if (url.equals(extension.path("url").asText())) {
                return extension.path("valueCode").asText(null);
            }
        }
        return null;
    }

    private static String treatment(JsonNode appointment) {
        List<JsonNode> concepts = new ArrayList<>();
        appointment.path("serviceType").forEach(concepts::add);
        concepts.add(appointment.path("appointmentType"));
        for (JsonNode concept : concepts) {
            for (JsonNode coding : concept.path("coding")) {
                String name = slug(coding.path("code").asText(null));
                name = name != null ? name : slug(coding.path("display").asText(null));
                if (name != null) {
                    return name;
                }
            }
            String text = slug(concept.path("text").asText(null));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String slug(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String slug = value.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.matches(InputPatterns.KEY) ? slug : null;
    }

    private static OffsetDateTime instant(JsonNode appointment, String field, List<OperationOutcome.Issue> issues) {
        String value = text(appointment, field, "Appointment." + field, issues);
        if (typeIssue(issues, "Appointment." + field)) {
            return null;
        }
        if (value == null) {
            issues.add(OperationOutcome.invalid("Appointment." + field, "is required"));
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeException e) {
            issues.add(OperationOutcome.invalid("Appointment." + field, "must be a FHIR instant with offset"));
            return null;
        }
    }

    private static Long versionId(JsonNode appointment, List<OperationOutcome.Issue> issues) {
        String version = text(appointment.path("meta"), "versionId", "Appointment.meta.versionId", issues);
        return version != null && version.matches("\\d{1,18}") ? Long.valueOf(version) : null;
    }

    /**
     * A FHIR string where the JSON has one: absent or null is null; a number, boolean, object or array is refused, as
     * are control characters (FHIR strings allow only tab, newline and carriage return among them). No coercion: a
     * clinic that sends {@code "status": 1} hears so, rather than getting a booking nobody asked for.
     */
    static String text(JsonNode parent, Object field, String location, List<OperationOutcome.Issue> issues) {
        JsonNode node = field instanceof Integer index ? parent.path(index) : parent.path((String) field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            issues.add(OperationOutcome.invalid(location, "must be a string, not a " + kind(node)));
            return null;
        }
        String value = node.textValue();
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f)) {
            issues.add(OperationOutcome.invalid(location, "must not contain control characters"));
            return null;
        }
        return value;
    }

    private static java.util.Optional<Integer> integer(JsonNode parent, String field, String location,
            List<OperationOutcome.Issue> issues) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return java.util.Optional.empty();
        }
        if (!node.isIntegralNumber()) {
            issues.add(OperationOutcome.invalid(location, "must be an integer, not a " + kind(node)));
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(node.intValue());
    }

    private static boolean typeIssue(List<OperationOutcome.Issue> issues, String location) {
        return issues.stream().anyMatch(issue -> issue.expression().contains(location));
    }

    private static String kind(JsonNode node) {
        return node.isNumber()
                ? "number"
                : node.isBoolean()
                        ? "boolean"
                        : node.isTextual()
                                ? "string"
                                : node.isArray() ? "list" : "object";
    }
}
