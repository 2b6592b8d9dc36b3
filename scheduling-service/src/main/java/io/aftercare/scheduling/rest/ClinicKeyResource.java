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

import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.security.CredentialService;

/**
 * A clinic's admin issues and revokes their own clinic's API keys from the console, as the operator can for any
 * clinic. Only a person with the {@code clinic-admin} role: an API key cannot mint more keys (a leaked one could
 * otherwise make itself permanent), and staff do not manage keys.
 */
@Path("/v1/clinics/{clinicId}/credentials")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicSettingsResource.CLINIC_ADMIN)
public class ClinicKeyResource {

    private final CredentialService credentials;
    private final ClinicAccess access;

    public ClinicKeyResource(CredentialService credentials, ClinicAccess access) {
        this.credentials = credentials;
        this.access = access;
    }

    /** The secret is in this answer only. */
    @POST
    public Response issue(@PathParam("clinicId") @Pattern(regexp = BookingResource.CLINIC_ID) String clinicId) {
        access.require(clinicId);
        return Response.status(Response.Status.CREATED)
                .header("Cache-Control", "no-store")
                .entity(credentials.issue(clinicId))
                .build();
    }

    @GET
    public List<CredentialService.KeyInfo> list(
            @PathParam("clinicId") @Pattern(regexp = BookingResource.CLINIC_ID) String clinicId) {
        access.require(clinicId);
        return credentials.list(clinicId);
    }

    /** 404 for a key id the clinic does not have, another clinic's included. */
    @DELETE
    @Path("/{keyId}")
    public Response revoke(@PathParam("clinicId") @Pattern(regexp = BookingResource.CLINIC_ID) String clinicId,
            @PathParam("keyId") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String keyId) {
        access.require(clinicId);
        credentials.revoke(clinicId, keyId);
        return Response.noContent().build();
    }
}
