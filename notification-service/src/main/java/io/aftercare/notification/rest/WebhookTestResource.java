package io.aftercare.notification.rest;

import java.time.Clock;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aftercare.notification.security.ForwardedClinicAuthentication;
import io.aftercare.notification.service.ClinicWebhooks;
import io.aftercare.problem.InputPatterns;
import io.aftercare.problem.NotFoundProblem;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Sends a {@code webhook.test} message to one of the clinic's endpoints, signed and retried like the others, and
 * answers its id: the message log then shows whether the clinic's system took it. The clinic's own (its admin from the
 * console, or its booking system's key), or the operator; never a staff member, who does not manage the settings.
 */
@Path("/v1/clinics/{clinicId}/webhook-endpoints/{endpointId}/test")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ForwardedClinicAuthentication.CLINIC, ForwardedClinicAuthentication.OPERATOR})
public class WebhookTestResource {

    /** The role of a clinic's staff in the console's person tokens. */
    static final String STAFF = "staff";

    private final ClinicWebhooks webhooks;
    private final SecurityIdentity identity;
    private final Clock clock;

    public WebhookTestResource(ClinicWebhooks webhooks, SecurityIdentity identity, Clock clock) {
        this.webhooks = webhooks;
        this.identity = identity;
        this.clock = clock;
    }

    /** 202 with {@code messageId}; 404 when the clinic has no such endpoint. */
    @POST
    public Response test(@PathParam("clinicId") @Pattern(regexp = InputPatterns.CLINIC_ID) String clinicId,
            @PathParam("endpointId") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String endpointId) {
        boolean operator = identity.hasRole(ForwardedClinicAuthentication.OPERATOR);
        if (!operator && (identity.hasRole(STAFF) || !identity.getPrincipal().getName().equals(clinicId))) {
            throw new ForbiddenException("only the clinic's admin or its system sends a test to its endpoints");
        }
        String messageId = webhooks.test(clinicId, endpointId, clock.instant())
                .orElseThrow(() -> new NotFoundProblem("clinic " + clinicId + " has no endpoint " + endpointId));
        return Response.accepted(Map.of("messageId", messageId)).build();
    }
}
