package io.aftercare.console.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The pattern of every client through which the console calls a service for the signed-in person: config key
 * {@code scheduling} ({@code quarkus.rest-client.scheduling.url}), and {@link PersonBearerHeaders} puts the person's
 * token on each call. This one asks scheduling whether it accepts the person for their clinic (204), as a page can
 * before it shows data it will fetch from the service.
 */
@RegisterRestClient(configKey = "scheduling")
@RegisterClientHeaders(PersonBearerHeaders.class)
@Path("/v1/clinics/{clinicId}/session")
public interface SchedulingSessionClient {

    @GET
    Response check(@PathParam("clinicId") String clinicId);
}
