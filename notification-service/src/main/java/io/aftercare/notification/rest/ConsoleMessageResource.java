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

import io.aftercare.notification.privacy.Masking;
import io.aftercare.notification.provider.ConsoleMessage;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The console provider's outbox, newest first: what patients would have received on a local run. */
@Path("/v1/console/messages")
@jakarta.annotation.security.RolesAllowed(io.aftercare.notification.security.ForwardedClinicAuthentication.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleMessageResource {

    public record ConsoleMessageView(String to, String body, String reference, Instant sentAt) {
    }

    @GET
    public List<ConsoleMessageView> latest(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        return ConsoleMessage.<ConsoleMessage>findAll(Sort.descending("sentAt"))
                .page(Page.ofSize(limit))
                .list()
                .stream()
                .map(m -> new ConsoleMessageView(Masking.phone(m.recipient), m.body, m.reference, m.sentAt))
                .toList();
    }
}
