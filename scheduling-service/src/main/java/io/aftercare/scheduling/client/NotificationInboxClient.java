package io.aftercare.scheduling.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The notification service's inbox counts, for the ops page: it owns patients' replies and their state. */
@RegisterRestClient(configKey = "notification")
@Path("/v1/ops/inbox")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationInboxClient {

    record InboxCounts(long open, long urgent) {
    }

    @GET
    InboxCounts counts(@QueryParam("clinicId") String clinicId, @HeaderParam("Authorization") String authorization);
}
