package io.aftercare.notification.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aftercare.notification.repository.ConsoleMessageRepository;
import io.aftercare.notification.security.Masking;

/** The console provider's outbox, newest first: what patients would have received on a local run. */
@Path("/v1/console/messages")
@jakarta.annotation.security.RolesAllowed(io.aftercare.notification.security.ForwardedClinicAuthentication.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleMessageResource {

    private final ConsoleMessageRepository messages;

    public ConsoleMessageResource(ConsoleMessageRepository messages) {
        this.messages = messages;
    }

    public record ConsoleMessageView(String to, String body, String reference, Instant sentAt) {
    }

    @GET
    public List<ConsoleMessageView> latest(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        return messages.latest(limit)
                .stream()
                .map(m -> new ConsoleMessageView(Masking.phone(m.recipient()), m.body(), m.reference(), m.sentAt()))
                .toList();
    }
}
