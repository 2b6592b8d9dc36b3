package io.aftercare.scheduling.rest;

import java.util.List;

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
import io.aftercare.problem.Problem;
import io.aftercare.problem.UnprocessableException;
import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.security.ClinicIdentityProvider;
import io.aftercare.scheduling.service.ClinicProfiles;
import io.aftercare.scheduling.service.ClinicSettings;
import io.aftercare.security.ClinicAdminOnly;

/**
 * A clinic's profile: the operator writes and reads any clinic's, and so does the clinic's own clinic-admin acting
 * through the console (never its staff, never its API key: {@link ClinicAdminOnly}); a clinic reads its own, and its
 * admin writes its settings.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ClinicProfileResource {

    private final ClinicProfiles profiles;
    private final ClinicSettings settings;
    private final ClinicAccess access;

    public ClinicProfileResource(ClinicProfiles profiles, ClinicSettings settings, ClinicAccess access) {
        this.profiles = profiles;
        this.settings = settings;
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

    /**
     * A clinic's admin writes their own clinic's settings (the console's person token): the operator's PUT without
     * webhooks and FHIR server, which are kept as stored. A booking system's API key may not.
     */
    @PUT
    @Path("/clinics/{clinicId}/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ClinicSettingsResource.CLINIC_ADMIN)
    public Response putSettings(@PathParam("clinicId") @Pattern(regexp = BookingResource.CLINIC_ID) String clinicId,
            @NotNull @Valid ClinicProfileRequest request) {
        access.require(clinicId);
        if (request.webhooks() != null || request.fhirServer() != null) {
            throw new UnprocessableException(400, "Invalid request", "Endpoints are changed one by one.",
                    List.of(new Problem.FieldError(request.webhooks() != null ? "webhooks" : "fhirServer",
                            "is not changed here: use /profile/webhooks, or ask the operator")));
        }
        ClinicProfiles.Saved saved = settings.putSettings(clinicId, request.toDetails());
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ClinicProfileResponse.of(saved.profile()))
                .build();
    }

    private ClinicProfileResponse find(String clinicId) {
        return profiles.of(clinicId)
                .map(ClinicProfileResponse::of)
                .orElseThrow(() -> new NotFoundProblem("clinic " + clinicId + " has no profile"));
    }
}
