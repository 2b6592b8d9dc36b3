package io.aftercare.scheduling.security;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in clinic, and the guard that keeps each clinic to its own data. */
@RequestScoped
public class ClinicAccess {

    private final SecurityIdentity identity;

    public ClinicAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String clinicId() {
        return identity.getPrincipal().getName();
    }

    /** Refuses a clinic that reaches for another clinic's path. */
    public void require(String clinicId) {
        if (!clinicId().equals(clinicId)) {
            throw new ForbiddenException("clinic " + clinicId() + " may not access clinic " + clinicId);
        }
    }
}
