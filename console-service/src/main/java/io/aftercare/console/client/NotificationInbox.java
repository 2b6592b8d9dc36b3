package io.aftercare.console.client;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.aftercare.console.model.Conversation;
import io.aftercare.console.model.InboxChanges;
import io.aftercare.console.model.InboxPage;
import io.aftercare.console.model.InboxReply;
import io.aftercare.console.model.Queued;
import io.aftercare.console.model.StaffReply;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * notification's inbox of the signed-in person's clinic, called as that person (a fresh person token on each call,
 * {@link PersonBearerHeaders}): notification authorises the call and its audit trail names the person.
 */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders(PersonBearerHeaders.class)
@Path("/v1/clinics/{clinicId}/inbox")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationInbox {

    /** @param order {@code urgent}: urgent replies first, then newest */
    @GET
    InboxPage list(@PathParam("clinicId") String clinicId, @QueryParam("state") String state,
            @QueryParam("cursor") String cursor, @QueryParam("limit") int limit, @QueryParam("order") String order);

    /** The open counts alone (no {@code since}). */
    @GET
    @Path("/changes")
    InboxChanges counts(@PathParam("clinicId") String clinicId);

    @GET
    @Path("/{replyId}")
    InboxReply one(@PathParam("clinicId") String clinicId, @PathParam("replyId") UUID replyId);

    @GET
    @Path("/{replyId}/conversation")
    Conversation conversation(@PathParam("clinicId") String clinicId, @PathParam("replyId") UUID replyId);

    @POST
    @Path("/{replyId}/handled")
    InboxReply handled(@PathParam("clinicId") String clinicId, @PathParam("replyId") UUID replyId);

    @POST
    @Path("/{replyId}/assign")
    InboxReply assign(@PathParam("clinicId") String clinicId, @PathParam("replyId") UUID replyId);

    @POST
    @Path("/{replyId}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    Queued reply(@PathParam("clinicId") String clinicId, @PathParam("replyId") UUID replyId, StaffReply reply);

    /** notification's refusals as the console's own: not found, conflict (opted out), bad input, or unavailable. */
    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return NotificationRefusals.of(response);
    }
}
