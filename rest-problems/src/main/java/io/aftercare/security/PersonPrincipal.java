package io.aftercare.security;

import java.security.Principal;

/**
 * A person of a clinic acting through the console. {@link #getName()} is what the service's guards compare: at
 * scheduling, notification and guidance the clinic's id, exactly as an API key of that clinic signs in, so every
 * clinic-scoped endpoint and its other-clinic guard works unchanged; at the console the person's own id. The rest
 * names the person for the audit trail and for {@link ClinicAdminOnly}.
 *
 * @param name the principal's name, as the service's guards read it
 * @param personId the console's id of the person (never their email)
 * @param role {@link PersonIdentity#STAFF} or {@link PersonIdentity#CLINIC_ADMIN}
 * @param clinicId the person's clinic
 */
public record PersonPrincipal(String name, String personId, String role, String clinicId) implements Principal {

    @Override
    public String getName() {
        return name;
    }
}
