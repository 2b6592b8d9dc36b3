package io.aftercare.scheduling.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aftercare.scheduling.security.ClinicIdentityProvider;
import io.aftercare.scheduling.security.CredentialService;

/**
 * The operator's endpoints for every clinic's API keys. A clinic's admin manages their own clinic's keys at
 * {@link ClinicKeyResource}, the one way in for a clinic: this route was open to them too, two doors to one power.
 * Rotation: issue a new key, switch the booking system to it, revoke the old one; both work in between.
 */
@Path("/v1/admin/clinics/{clinicId}/credentials")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicIdentityProvider.OPERATOR)
public class CredentialAdminResource {

    private final CredentialService credentials;

    public CredentialAdminResource(CredentialService credentials) {
        this.credentials = credentials;
    }

    /** The secret is in this answer only; it is not stored and cannot be shown again. */
    @POST
    public Response issue(@PathParam("clinicId") @Pattern(regexp = BookingResource.CLINIC_ID) String clinicId) {
        return Response.status(Response.Status.CREATED).entity(credentials.issue(clinicId)).build();
    }

    @GET
    public List<CredentialService.KeyInfo> list(
            @PathParam("clinicId") @Pattern(regexp = BookingResource.CLINIC_ID) String clinicId) {
        return credentials.list(clinicId);
    }

    @DELETE
    @Path("/{keyId}")
    public Response revoke(@PathParam("clinicId") @Pattern(regexp = BookingResource.CLINIC_ID) String clinicId,
            @PathParam("keyId") String keyId) {
        credentials.revoke(clinicId, keyId);
        return Response.noContent().build();
    }
}
