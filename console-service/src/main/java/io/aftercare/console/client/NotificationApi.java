package io.aftercare.console.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.aftercare.console.model.ConversationRecord;
import io.aftercare.console.model.DeliveryRecord;

/** notification's reads of one booking, called as the signed-in person (their token, {@link PersonBearerHeaders}). */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders(PersonBearerHeaders.class)
@Path("/v1/clinics/{clinicId}")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationApi {

    @GET
    @Path("/deliveries")
    List<DeliveryRecord> deliveries(@PathParam("clinicId") String clinicId, @QueryParam("bookingId") UUID bookingId);

    @GET
    @Path("/conversations")
    ConversationRecord conversation(@PathParam("clinicId") String clinicId, @QueryParam("bookingId") UUID bookingId);
}
