package io.aftercare.guidance.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A clinic's override holds its name, phone number and its own advice: what a protocol looks like for one clinic is
 * answered to that clinic, to the operator (scheduling plans every booking as the operator) and to the admin who
 * edits it, never to an anonymous caller. The base protocol stays open to anyone.
 */
@ApplicationScoped
public class ClinicOverrideAccess {

    public static final String ADMIN = "admin";
    public static final String OPERATOR = io.aftercare.security.OperatorLogin.ROLE;
    public static final String CLINIC = "clinic";

    private final SecurityIdentity identity;

    public ClinicOverrideAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** @param clinicId the clinic whose view is asked for; {@code null} asks for the base protocol */
    public void check(String clinicId) {
        if (clinicId == null) {
            return;
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        boolean ownClinic = identity.hasRole(CLINIC) && clinicId.equals(identity.getPrincipal().getName());
        if (!ownClinic && !identity.hasRole(OPERATOR) && !identity.hasRole(ADMIN)) {
            throw new ForbiddenException();
        }
    }
}
