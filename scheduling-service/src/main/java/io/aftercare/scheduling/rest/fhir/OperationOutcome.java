package io.aftercare.scheduling.rest.fhir;

import java.util.List;

/** A FHIR R4 OperationOutcome: how a FHIR client learns what was wrong with its resource. */
public record OperationOutcome(String resourceType, List<Issue> issue) {

    public static final String MEDIA_TYPE = "application/fhir+json";

    /** Empty lists are left out: FHIR JSON has no empty arrays. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    public record Issue(String severity, String code, String diagnostics, List<String> expression) {
    }

    public static OperationOutcome of(List<Issue> issues) {
        return new OperationOutcome("OperationOutcome", issues);
    }

    public static Issue invalid(String expression, String diagnostics) {
        return new Issue("error", "invalid", diagnostics, List.of(expression));
    }
}
