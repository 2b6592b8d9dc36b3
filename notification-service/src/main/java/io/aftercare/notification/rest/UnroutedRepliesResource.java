package io.aftercare.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aftercare.notification.UnroutedReply;
import io.aftercare.notification.security.ForwardedClinicAuthentication;
import io.aftercare.notification.service.UnroutedReplies;
import io.aftercare.problem.NotFoundProblem;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The operator's queue of replies that no clinic could be given (nobody texted the number from the sender it
 * answered): open ones, urgent first. A work queue, not a history: the operator marks each handled once it reached
 * the right clinic, and it leaves the queue.
 */
@Path("/v1/ops/unrouted-replies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ForwardedClinicAuthentication.OPERATOR)
public class UnroutedRepliesResource {

    /** The number is shown in full: the operator needs it to find the patient's clinic. */
    public record UnroutedView(UUID id, String phone, String sender, String body, boolean urgent, String urgentReason,
            Instant receivedAt, Instant handledAt, String handledBy) {
    }

    /** @param more whether open entries beyond these wait */
    public record UnroutedPage(List<UnroutedView> items, boolean more) {
    }

    private final UnroutedReplies replies;
    private final SecurityIdentity identity;

    public UnroutedRepliesResource(UnroutedReplies replies, SecurityIdentity identity) {
        this.replies = replies;
        this.identity = identity;
    }

    @GET
    public UnroutedPage open(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        List<UnroutedReply> open = replies.open(limit);
        return new UnroutedPage(open.stream().limit(limit).map(UnroutedRepliesResource::view).toList(),
                open.size() > limit);
    }

    @POST
    @Path("/{id}/handled")
    public UnroutedView handled(@PathParam("id") UUID id) {
        return replies.handle(id, identity.getPrincipal().getName())
                .map(UnroutedRepliesResource::view)
                .orElseThrow(() -> new NotFoundProblem("No unrouted reply " + id + "."));
    }

    private static UnroutedView view(UnroutedReply reply) {
        return new UnroutedView(reply.id, reply.phone, reply.sender, reply.body, reply.urgent, reply.urgentReason,
                reply.receivedAt, reply.handledAt, reply.handledBy);
    }
}
