package io.aftercare.security;

import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * How a clinic's person appears in a service's {@link SecurityIdentity}, written once for every service: principal a
 * {@link PersonPrincipal}, roles {@code clinic} (the same as the clinic's API key) and the person's own role, and the
 * attributes below naming them. The console's session identities and the services' person-token identities are both
 * made here, so that the audit trail and {@link ClinicAdminOnly} read one shape.
 */
public final class PersonIdentity {

    /** A clinic's person who reads the inbox, bookings and deliveries, replies and marks replies handled. */
    public static final String STAFF = "staff";
    /** A clinic's person who may also change the clinic's settings, keys, webhooks and protocol overrides. */
    public static final String CLINIC_ADMIN = "clinic-admin";
    /** The role an API key of a clinic has at the services; a person acting at a service has it too. */
    public static final String CLINIC = "clinic";

    /** Attribute: the person's id (the console's), a String. */
    public static final String PERSON_ID = "aftercare.person-id";
    /** Attribute: the person's role, {@value #STAFF} or {@value #CLINIC_ADMIN}. */
    public static final String PERSON_ROLE = "aftercare.person-role";
    /** Attribute: the person's clinic id. */
    public static final String CLINIC_ID = "aftercare.clinic-id";

    private PersonIdentity() {
    }

    /** Whether a role is one a clinic's person can have. */
    public static boolean isPersonRole(String role) {
        return STAFF.equals(role) || CLINIC_ADMIN.equals(role);
    }

    /**
     * The identity of a person at a service (scheduling, notification, guidance): principal the clinic, roles
     * {@value #CLINIC} and theirs, so it passes exactly where the clinic's API key does, plus what names the person.
     */
    public static SecurityIdentity atService(String personId, String role, String clinicId) {
        return builder(new PersonPrincipal(clinicId, personId, role, clinicId)).addRole(CLINIC).build();
    }

    /** A builder for a person's identity with this principal, their role and the attributes naming them. */
    public static QuarkusSecurityIdentity.Builder builder(PersonPrincipal principal) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addRole(principal.role())
                .addAttribute(PERSON_ID, principal.personId())
                .addAttribute(PERSON_ROLE, principal.role())
                .addAttribute(CLINIC_ID, principal.clinicId());
    }

    /** The person behind an identity; empty for an API key, the operator, an admin or an anonymous caller. */
    public static Optional<PersonPrincipal> of(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? Optional.empty() : of(identity.getPrincipal());
    }

    /** The person behind a principal (the JAX-RS security context's); empty when it is not a person. */
    public static Optional<PersonPrincipal> of(java.security.Principal principal) {
        return principal instanceof PersonPrincipal person ? Optional.of(person) : Optional.empty();
    }
}
