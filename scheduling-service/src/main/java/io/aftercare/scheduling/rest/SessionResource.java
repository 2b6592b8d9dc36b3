package io.aftercare.scheduling.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.security.ClinicIdentityProvider;

/**
 * Answers 204 when the caller's credentials are a live key of this clinic. The notification service checks clinics'
 * API keys here, so that they live in one place.
 */
@Path("/v1/clinics/{clinicId}/session")
@RolesAllowed(ClinicIdentityProvider.CLINIC)
public class SessionResource {

    private final ClinicAccess access;

    public SessionResource(ClinicAccess access) {
        this.access = access;
    }

    @GET
    public Response check(@PathParam("clinicId") String clinicId) {
        access.require(clinicId);
        return Response.noContent().build();
    }
}
