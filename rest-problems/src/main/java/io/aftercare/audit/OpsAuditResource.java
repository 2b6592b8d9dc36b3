package io.aftercare.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aftercare.problem.InputPatterns;

/**
 * The operator reads this service's whole audit trail, or one clinic's ({@code clinicId}); guidance's editors (role
 * {@code admin}) read guidance's. Newest first; {@code nextCursor} leads to the next page.
 */
@Path("/v1/ops/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"operator", "admin"})
public class OpsAuditResource {

    private final AuditTrail trail;

    public OpsAuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    public ClinicAuditResource.AuditPage list(
            @QueryParam("clinicId") @Pattern(regexp = InputPatterns.CLINIC_ID) String clinicId,
            @QueryParam("cursor") @Pattern(regexp = "[0-9]{1,18}") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return ClinicAuditResource.AuditPage.of(trail.page(clinicId == null || clinicId.isBlank() ? null : clinicId,
                cursor == null ? null : Long.valueOf(cursor), limit), limit);
    }
}
