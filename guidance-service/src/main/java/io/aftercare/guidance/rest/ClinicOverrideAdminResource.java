package io.aftercare.guidance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aftercare.guidance.model.ClinicOverrideContent;
import io.aftercare.guidance.security.ClinicOverrideAccess;
import io.aftercare.guidance.service.ClinicOverrideService;
import io.aftercare.security.ClinicAdminOnly;

/**
 * A clinic's departures from a treatment's base protocol; in force as soon as saved. Guidance's admins, and the
 * clinic's own clinic-admin acting through the console; never its staff or its API key ({@link ClinicAdminOnly}).
 */
@Path("/v1/admin/clinics/{clinicId}/protocols/{treatment}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ClinicOverrideAccess.ADMIN, ClinicOverrideAccess.CLINIC})
@ClinicAdminOnly
public class ClinicOverrideAdminResource {

    private final ClinicOverrideService overrides;

    public ClinicOverrideAdminResource(ClinicOverrideService overrides) {
        this.overrides = overrides;
    }

    @GET
    public ClinicOverrideContent get(@PathParam("clinicId") @Pattern(regexp = ProtocolResource.CLINIC) String clinicId,
            @PathParam("treatment") @Pattern(regexp = ProtocolResource.TREATMENT) String treatment) {
        return overrides.find(clinicId, treatment)
                .orElseThrow(() -> new NotFoundException("clinic " + clinicId + " has no override of " + treatment));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("clinicId") @Pattern(regexp = ProtocolResource.CLINIC) String clinicId,
            @PathParam("treatment") @Pattern(regexp = ProtocolResource.TREATMENT) String treatment,
            @NotNull ClinicOverrideContent content) {
        boolean created = overrides.save(clinicId, treatment, content);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(content).build();
    }

    @DELETE
    public Response delete(@PathParam("clinicId") @Pattern(regexp = ProtocolResource.CLINIC) String clinicId,
            @PathParam("treatment") @Pattern(regexp = ProtocolResource.TREATMENT) String treatment) {
        overrides.delete(clinicId, treatment);
        return Response.noContent().build();
    }
}
