package io.aftercare.console.client;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Notification's webhook message log and test messages of a clinic, called as the signed-in person. */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders(PersonBearerHeaders.class)
@Path("/v1/clinics/{clinicId}")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationSettingsClient {

    record Attempt(int attempt, Instant at, Integer statusCode, String error, long durationMs) {
    }

    record Message(String id, String type, String url, String state, Instant createdAt, Instant nextAttemptAt,
            List<Attempt> attempts) {
    }

    record MessagePage(List<Message> items, String nextCursor) {
    }

    record TestSent(String messageId) {
    }

    @GET
    @Path("/webhook-messages")
    MessagePage messages(@PathParam("clinicId") String clinicId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @POST
    @Path("/webhook-endpoints/{endpointId}/test")
    TestSent test(@PathParam("clinicId") String clinicId, @PathParam("endpointId") String endpointId);
}
