package io.aftercare.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aftercare.problem.InputPatterns;
import io.aftercare.security.PersonIdentity;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A clinic reads the audit trail of its own records at this service (the operator any clinic's): its API key, or its
 * clinic-admin through the console, never its staff. Newest first;
 * {@code nextCursor} leads to the next page. Reading the trail is not itself recorded: it names no patient.
 */
@Path("/v1/clinics/{clinicId}/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"clinic", "operator"})
public class ClinicAuditResource {

    /** @param nextCursor the cursor of the next page, null on the last */
    public record AuditPage(List<AuditEntry> items, String nextCursor) {

        static AuditPage of(List<AuditEntry> entries, int limit) {
            boolean more = entries.size() > limit;
            List<AuditEntry> items = more ? entries.subList(0, limit) : entries;
            return new AuditPage(items, more ? Long.toString(items.get(items.size() - 1).id()) : null);
        }
    }

    private final AuditTrail trail;
    private final SecurityIdentity identity;

    public ClinicAuditResource(AuditTrail trail, SecurityIdentity identity) {
        this.trail = trail;
        this.identity = identity;
    }

    @GET
    public AuditPage list(@PathParam("clinicId") @Pattern(regexp = InputPatterns.CLINIC_ID) String clinicId,
            @QueryParam("cursor") @Pattern(regexp = "[0-9]{1,18}") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        if (!identity.hasRole("operator") && !identity.getPrincipal().getName().equals(clinicId)) {
            throw new ForbiddenException("A clinic reads its own audit trail only.");
        }
        if (PersonIdentity.of(identity).filter(person -> !PersonIdentity.CLINIC_ADMIN.equals(person.role()))
                .isPresent()) {
            throw new ForbiddenException("A clinic's audit trail is for its clinic-admin.");
        }
        return AuditPage.of(trail.page(clinicId, cursor == null ? null : Long.valueOf(cursor), limit), limit);
    }
}
