package io.aftercare.console.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.aftercare.console.model.BookingMatches;
import io.aftercare.console.model.BookingRecord;

/** scheduling's booking reads, called as the signed-in person (their token, {@link PersonBearerHeaders}). */
@RegisterRestClient(configKey = "scheduling")
@RegisterClientHeaders(PersonBearerHeaders.class)
@Path("/v1/clinics/{clinicId}/bookings")
@Produces(MediaType.APPLICATION_JSON)
public interface SchedulingApi {

    @GET
    BookingMatches search(@PathParam("clinicId") String clinicId, @QueryParam("q") String q,
            @QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/{externalId}/timeline")
    BookingRecord timeline(@PathParam("clinicId") String clinicId, @PathParam("externalId") String externalId);
}
