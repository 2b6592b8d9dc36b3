package io.aftercare.scheduling.rest.fhir;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Patients sent in a Bundle, by every name an Appointment may refer to one: the entry's fullUrl, Patient/id, and
 * the url of a PUT Patient/id request. A transaction and a subscription notification read their Patients alike.
 */
final class BundledPatients {

    private BundledPatients() {
    }

    static Map<String, JsonNode> of(JsonNode bundle) {
        Map<String, JsonNode> patients = new HashMap<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            if (!"Patient".equals(resource.path("resourceType").asText())) {
                continue;
            }
            String fullUrl = entry.path("fullUrl").asText("");
            if (!fullUrl.isEmpty()) {
                patients.put(fullUrl, resource);
            }
            if (resource.path("id").isTextual()) {
                patients.put("Patient/" + resource.path("id").asText(), resource);
            }
            String url = entry.path("request").path("url").asText("");
            if (url.startsWith("Patient/")) {
                patients.put(url, resource);
            }
        }
        return patients;
    }
}
