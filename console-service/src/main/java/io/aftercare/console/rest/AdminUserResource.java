package io.aftercare.console.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aftercare.console.Role;
import io.aftercare.console.service.OneTimeLinks;
import io.aftercare.console.service.People;
import io.aftercare.problem.InputPatterns;

/**
 * The operator's bootstrap: a clinic's first clinic admin, invited. The answer holds the one-time link, once (it is
 * stored only as a hash); the operator hands it to the person, who chooses a password with it. Refused (409) while the
 * clinic has an admin who is not disabled: from then on the clinic's admins invite its people. The audit trail records
 * the call (the operator, the clinic).
 */
@Path("/v1/admin/clinics/{clinicId}/users")
@RolesAllowed(Role.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminUserResource {

    public record NewAdmin(@NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String displayName) {
    }

    /** @param inviteLink works once, until {@code linkExpiresAt}; never shown again */
    public record InvitedAdmin(UUID id, String clinicId, String email, String displayName, String role, String state,
            String inviteLink, Instant linkExpiresAt) {
    }

    private final People people;

    public AdminUserResource(People people) {
        this.people = people;
    }

    @POST
    public Response create(@PathParam("clinicId") @Pattern(regexp = InputPatterns.CLINIC_ID) String clinicId,
            @Valid @NotNull NewAdmin request) {
        OneTimeLinks.Invitation invitation = people.inviteFirstAdmin(clinicId, request.email(), request.displayName());
        var user = invitation.user();
        return Response.status(Response.Status.CREATED)
                .header("Cache-Control", "no-store")
                .entity(new InvitedAdmin(user.id, user.clinicId, user.email, user.displayName, user.role, user.state,
                        invitation.link(), invitation.expiresAt()))
                .build();
    }
}
