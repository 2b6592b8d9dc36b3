package io.aftercare.scheduling.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.aftercare.problem.InputPatterns;
import io.aftercare.scheduling.repository.InboxReplyRepository;
import io.aftercare.scheduling.repository.OpsOverview;
import io.aftercare.scheduling.repository.OpsQueries;
import io.aftercare.scheduling.security.ClinicIdentityProvider;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The data behind the ops page ({@code /ops/}), and its one action: sending a failed reminder again. */
@Path("/v1/ops")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicIdentityProvider.OPERATOR)
public class OpsResource {

    private static final Logger LOG = Logger.getLogger(OpsResource.class);

    private final OpsQueries queries;
    private final InboxReplyRepository inbox;
    private final Clock clock;

    public OpsResource(OpsQueries queries, InboxReplyRepository inbox, Clock clock) {
        this.queries = queries;
        this.inbox = inbox;
        this.clock = clock;
    }

    /**
     * In one read transaction; the inbox counts too, which this service keeps from notification's events
     * ({@link InboxReplyRepository}) rather than asks of it.
     */
    @GET
    @Path("/overview")
    public OpsOverview overview(
            @QueryParam("clinicId") @Pattern(regexp = InputPatterns.CLINIC_ID) String clinicId,
            @QueryParam("hours") @DefaultValue("24") @Min(1) @Max(24 * 90) int hours) {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofHours(hours));
        String clinic = clinicId == null || clinicId.isBlank() ? null : clinicId;
        return QuarkusTransaction.requiringNew().call(() -> {
            InboxReplyRepository.Counts replies = inbox.open(clinic);
            return new OpsOverview(clinic, from, now, queries.funnel(clinic, from), queries.upcoming(clinic, now),
                    queries.lateness(clinic, from), queries.failures(clinic, now, 20),
                    new OpsOverview.Inbox(replies.open(), replies.urgent()));
        });
    }

    /** A failed reminder that is still valid goes out again at once, as a new event. */
    @POST
    @Path("/reminders/{id}/resend")
    @Transactional
    public Response resend(@PathParam("id") UUID reminderId) {
        if (!queries.resend(reminderId, clock.instant())) {
            throw new NotFoundException("no failed reminder " + reminderId + " that is still valid");
        }
        LOG.infof("reminder %s sent again on an operator's request", reminderId);
        return Response.accepted().build();
    }
}
