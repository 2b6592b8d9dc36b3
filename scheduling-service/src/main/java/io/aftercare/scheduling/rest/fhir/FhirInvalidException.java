package io.aftercare.scheduling.rest.fhir;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A FHIR resource we cannot accept; answered as an OperationOutcome, never as problem+json. */
public class FhirInvalidException extends RuntimeException {

    private final int status;
    private final List<OperationOutcome.Issue> issues;

    public FhirInvalidException(int status, List<OperationOutcome.Issue> issues) {
        super(issues.toString());
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    public int status() {
        return status;
    }

    public List<OperationOutcome.Issue> issues() {
        return issues;
    }

    public static class Mapper {

        @ServerExceptionMapper
        public Response map(FhirInvalidException e) {
            return Response.status(e.status)
                    .type(OperationOutcome.MEDIA_TYPE)
                    .entity(OperationOutcome.of(e.issues))
                    .build();
        }
    }
}
