package io.aftercare.scheduling.rest.fhir;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A FHIR client whose request is over the body limit hears why as an OperationOutcome, as it hears every other
 * refusal. Quarkus's own limit (a route at order -2, on the declared length, before any resource) answers an empty
 * 413 that a FHIR client cannot read; this one runs just before it, on the same declared length, for the FHIR paths.
 * A body sent without a length still meets Quarkus's count as it streams in.
 */
@ApplicationScoped
public class OversizedFhirBodies {

    private static final int BEFORE_THE_BODY_LIMIT = -3;

    private final long limit;
    private final String outcome;

    public OversizedFhirBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            ObjectMapper json) throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.outcome = json.writeValueAsString(OperationOutcome.of(List.of(new OperationOutcome.Issue("error",
                "too-costly", "The request is larger than the " + this.limit / 1024 + " KiB a FHIR request may be"
                        + " here; send a notification of at most 100 entries, or a Bundle in parts.",
                List.of()))));
    }

    void install(@Observes Router router) {
        router.route("/fhir/*").order(BEFORE_THE_BODY_LIMIT).handler(this::refuseOversized);
    }

    void refuseOversized(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && isOver(declared)) {
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, OperationOutcome.MEDIA_TYPE)
                    // The body is not read: the connection cannot carry another request after it.
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(outcome);
            return;
        }
        context.next();
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // Quarkus answers a length that is not a number itself
        }
    }
}
