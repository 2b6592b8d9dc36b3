package io.aftercare.scheduling.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientBasicAuth;

/**
 * The guidance service's plan endpoint: the one place plans are computed. A plan names a clinic, whose override only
 * a login may read, so scheduling signs in as the operator.
 */
@RegisterRestClient(configKey = "guidance")
@ClientBasicAuth(username = "${aftercare.operator.username}", password = "${aftercare.operator.password}")
@Path("/v1/protocols")
@Produces(MediaType.APPLICATION_JSON)
public interface GuidanceClient {

    @GET
    @Path("/{treatment}/plan")
    GuidancePlan plan(@PathParam("treatment") String treatment, @QueryParam("treatedAt") String treatedAt,
            @QueryParam("zone") String zone, @QueryParam("locale") String locale,
            @QueryParam("clinicId") String clinicId, @QueryParam("firstName") String firstName,
            @QueryParam("marketingConsent") boolean marketingConsent, @QueryParam("clinicName") String clinicName,
            @QueryParam("clinicPhone") String clinicPhone, @QueryParam("windowStart") String windowStart,
            @QueryParam("windowEnd") String windowEnd, @QueryParam("consentBasis") String consentBasis);
}
