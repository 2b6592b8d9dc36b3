package io.aftercare.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * A change of a clinic's settings that, among a clinic's callers, only its clinic-admin may make
 * ({@link ClinicAdminFilter}): a staff person is refused 403, and so is the clinic's API key (a machine never had these
 * changes); a person of another clinic gets 404 for the path's clinic. The deployment's own roles (the operator,
 * guidance's admin) pass as the endpoint's {@code @RolesAllowed} lets them.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ClinicAdminOnly {
}
