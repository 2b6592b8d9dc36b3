package io.aftercare.scheduling.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aftercare.problem.NotFoundProblem;
import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.security.ClinicIdentityProvider;
import io.aftercare.scheduling.service.ClinicProfiles;
import io.aftercare.security.ClinicAdminOnly;

/**
 * A clinic's profile: the operator writes and reads any clinic's, and so does the clinic's own clinic-admin acting
 * through the console (never its staff, never its API key: {@link ClinicAdminOnly}); a clinic reads its own.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ClinicProfileResource {

    private final ClinicProfiles profiles;
    private final ClinicAccess access;

    public ClinicProfileResource(ClinicProfiles profiles, ClinicAccess access) {
        this.profiles = profiles;
        this.access = access;
    }

    @PUT
    @Path("/admin/clinics/{clinicId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ClinicIdentityProvider.OPERATOR, ClinicIdentityProvider.CLINIC})
    @ClinicAdminOnly
    public Response put(@PathParam("clinicId") @Pattern(regexp = BookingResource.CLINIC_ID) String clinicId,
            @NotNull @Valid ClinicProfileRequest request) {
        ClinicProfiles.Saved saved = profiles.put(clinicId,
                request.toDetails());
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ClinicProfileResponse.of(saved.profile()))
                .build();
    }

    @GET
    @Path("/admin/clinics/{clinicId}")
    @RolesAllowed({ClinicIdentityProvider.OPERATOR, ClinicIdentityProvider.CLINIC})
    @ClinicAdminOnly
    public ClinicProfileResponse get(
            @PathParam("clinicId") @Pattern(regexp = BookingResource.CLINIC_ID) String clinicId) {
        return find(clinicId);
    }

    @GET
    @Path("/clinics/{clinicId}/profile")
    @RolesAllowed(ClinicIdentityProvider.CLINIC)
    public ClinicProfileResponse own(
            @PathParam("clinicId") @Pattern(regexp = BookingResource.CLINIC_ID) String clinicId) {
        access.require(clinicId);
        return find(clinicId);
    }

    private ClinicProfileResponse find(String clinicId) {
        return profiles.of(clinicId)
                .map(ClinicProfileResponse::of)
                .orElseThrow(() -> new NotFoundProblem("clinic " + clinicId + " has no profile"));
    }
}
