package io.aftercare.scheduling.fhir;

import java.util.List;

/** A FHIR R4 OperationOutcome: how a FHIR client learns what was wrong with its resource. */
public record OperationOutcome(String resourceType, List<Issue> issue) {

    public static final String MEDIA_TYPE = "application/fhir+json";

    public record Issue(String severity, String code, String diagnostics, List<String> expression) {
    }

    public static OperationOutcome of(List<Issue> issues) {
        return new OperationOutcome("OperationOutcome", issues);
    }

    public static Issue invalid(String expression, String diagnostics) {
        return new Issue("error", "invalid", diagnostics, List.of(expression));
    }
}
