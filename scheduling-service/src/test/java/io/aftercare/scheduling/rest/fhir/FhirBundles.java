package io.aftercare.scheduling.rest.fhir;

import java.time.OffsetDateTime;

import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

/**
 * Transaction Bundles as clinic systems that keep patients apart send them, and HAPI FHIR's strict R4 parser for
 * what we answer.
 */
final class FhirBundles {

    private static final FhirContext R4 = FhirContext.forR4();

    private FhirBundles() {
    }

    /** Strict: an unknown element, a wrong type or a bad code fails the parse instead of being dropped. */
    static <T extends IBaseResource> T parseStrictly(Class<T> type, String json) {
        IParser parser = R4.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        return parser.parseResource(type, json);
    }

    static String patientResource(String id, String phone, String language) {
        return """
                {"resourceType": "Patient", "id": "%s",
                 "name": [{"family": "Lindqvist", "given": ["Sofia"]}],
                 "telecom": [{"system": "phone", "value": "%s", "use": "mobile", "rank": 1}],
                 "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "%s"}]}}]}
                """.formatted(id, phone, language);
    }

    static String patient(String fullUrl, String id, String phone, String language) {
        return """
                {"fullUrl": "%s", "resource": %s, "request": {"method": "PUT", "url": "Patient/%s"}}
                """.formatted(fullUrl, patientResource(id, phone, language), id);
    }

    /** An Appointment for the patient reference, with offsets and no time-zone extension, as real systems send. */
    static String appointmentResource(String id, String patientReference, OffsetDateTime start, String status) {
        return """
                {"resourceType": "Appointment", "id": "%s", "status": %s,
                 "serviceType": [{"coding": [{"code": "microneedling", "display": "Microneedling"}]}],
                 "start": "%s", "end": "%s",
                 "participant": [{"actor": {"reference": "%s"}, "status": "accepted"}]}
                """.formatted(id, status, start, start.plusMinutes(45), patientReference);
    }

    static String appointment(String id, String patientReference, OffsetDateTime start, String status) {
        return """
                {"fullUrl": "urn:uuid:%s", "resource": %s, "request": {"method": "PUT", "url": "Appointment/%s"}}
                """.formatted(java.util.UUID.randomUUID(), appointmentResource(id, patientReference, start, status),
                id);
    }

    static String transaction(String... entries) {
        return "{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": [" + String.join(",", entries)
                + "]}";
    }
}
