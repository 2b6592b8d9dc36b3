package io.aftercare.console.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** scheduling's audit trail of a clinic's records (rest-problems' ClinicAuditResource), read as the signed-in person. */
@RegisterRestClient(configKey = "scheduling")
@RegisterClientHeaders(PersonBearerHeaders.class)
@Path("/v1/clinics/{clinicId}/audit")
@Produces(MediaType.APPLICATION_JSON)
public interface SchedulingAuditClient {

    @GET
    AuditPage page(@PathParam("clinicId") String clinicId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);
}
