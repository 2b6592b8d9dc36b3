package io.aftercare.scheduling.rest.fhir;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a FHIR request body as a JSON tree; anything else is an OperationOutcome naming what was expected. */
final class FhirBodies {

    private FhirBodies() {
    }

    static JsonNode parse(ObjectMapper json, String body, String resourceType) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new FhirInvalidException(400, List.of(OperationOutcome.invalid(resourceType,
                        "the body must be a JSON " + resourceType)));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new FhirInvalidException(400,
                    List.of(OperationOutcome.invalid(resourceType, "the body is not valid JSON")));
        }
    }
}
