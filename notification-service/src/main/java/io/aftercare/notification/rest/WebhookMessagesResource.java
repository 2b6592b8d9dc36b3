package io.aftercare.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aftercare.notification.repository.WebhookMessageRepository;
import io.aftercare.notification.security.ForwardedClinicAuthentication;
import io.aftercare.notification.service.WebhookLog;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The messages sent to a clinic's webhook endpoints and every attempt to deliver each: how a clinic finds out why its
 * system missed one. A clinic sees only its own; an operator sees any clinic's. Endpoint secrets are never shown.
 */
@Path("/v1/clinics/{clinicId}/webhook-messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ForwardedClinicAuthentication.CLINIC, ForwardedClinicAuthentication.OPERATOR})
public class WebhookMessagesResource {

    /** @param statusCode the HTTP status the endpoint answered, or null when it did not answer ({@code error} says why) */
    public record AttemptView(int attempt, Instant at, Integer statusCode, String error, long durationMs) {
    }

    /** @param state pending (to be tried at {@code nextAttemptAt}), delivered or failed (given up) */
    public record MessageView(String id, String type, String url, String state, Instant createdAt,
            Instant nextAttemptAt, List<AttemptView> attempts) {
    }

    public record MessagePage(List<MessageView> items, String nextCursor) {
    }

    private final WebhookLog log;
    private final SecurityIdentity identity;

    public WebhookMessagesResource(WebhookLog log, SecurityIdentity identity) {
        this.log = log;
        this.identity = identity;
    }

    @GET
    public MessagePage list(@PathParam("clinicId") String clinicId,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        authorize(clinicId);
        WebhookLog.Page page = log.page(clinicId, cursor, limit);
        return new MessagePage(page.items().stream().map(WebhookMessagesResource::view).toList(), page.nextCursor());
    }

    private void authorize(String clinicId) {
        if (!identity.hasRole(ForwardedClinicAuthentication.OPERATOR)
                && !identity.getPrincipal().getName().equals(clinicId)) {
            throw new ForbiddenException("a clinic sees only its own webhook messages");
        }
    }

    private static MessageView view(WebhookMessageRepository.Message m) {
        return new MessageView(m.id(), m.type(), m.url(), m.state().toLowerCase(Locale.ROOT), m.createdAt(),
                m.nextAttemptAt(), m.attempts().stream()
                        .map(a -> new AttemptView(a.attempt(), a.at(), a.httpStatus(), a.error(), a.durationMs()))
                        .toList());
    }
}
