package io.aftercare.security;

import java.security.Principal;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.aftercare.problem.NotFoundProblem;
import io.quarkus.security.ForbiddenException;

/**
 * The one place that keeps clinic-admin-only changes from a clinic's other callers (see {@link ClinicAdminOnly}).
 * Runs after the endpoint's {@code @RolesAllowed}, on identities it let through.
 */
public class ClinicAdminFilter {

    /** The path parameter that names the clinic concerned, on every clinic-scoped path. */
    static final String CLINIC_PARAMETER = "clinicId";

    @ServerRequestFilter
    @ClinicAdminOnly
    public void onlyClinicAdmins(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null) {
            return; // the endpoint's own security answers an anonymous caller
        }
        Optional<PersonPrincipal> person = PersonIdentity.of(principal);
        if (person.isEmpty()) {
            if (security.isUserInRole(PersonIdentity.CLINIC)) {
                throw new ForbiddenException("a clinic's API key may not change the clinic's settings");
            }
            return;
        }
        String pathClinic = request.getUriInfo().getPathParameters().getFirst(CLINIC_PARAMETER);
        if (pathClinic != null && !pathClinic.equals(person.get().clinicId())) {
            throw new NotFoundProblem("No clinic " + pathClinic + ".");
        }
        if (!PersonIdentity.CLINIC_ADMIN.equals(person.get().role())) {
            throw new ForbiddenException("only a clinic-admin may do this");
        }
    }
}
