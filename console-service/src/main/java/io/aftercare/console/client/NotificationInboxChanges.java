package io.aftercare.console.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.aftercare.console.model.InboxChanges;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * What changed in a clinic's inbox, asked by the live inbox's poller, which runs outside any request: it brings the
 * person token itself (of a person of that clinic whose inbox is open), rather than the current request's.
 */
@RegisterRestClient(configKey = "notification")
@Path("/v1/clinics/{clinicId}/inbox/changes")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationInboxChanges {

    /** @param since an ISO-8601 instant; null for the counts alone */
    @GET
    InboxChanges since(@PathParam("clinicId") String clinicId, @QueryParam("since") String since,
            @HeaderParam("Authorization") String bearer);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return NotificationRefusals.of(response);
    }
}
