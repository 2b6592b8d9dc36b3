package io.aftercare.console.service;

import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in person of a request, as the session mechanism found them: kept whole as one attribute of the
 * {@link SecurityIdentity}, whose principal is the person's id and whose role is theirs.
 *
 * @param sessionSha256 the current session's key, to sign out this browser only
 * @param csrfToken the session's CSRF token: every form of this session carries it
 */
public record Person(UUID id, String clinicId, String email, String displayName, String role, String sessionSha256,
        String csrfToken) {

    public static final String ATTRIBUTE = "aftercare.person";

    /** The person of a session-authenticated identity; null for the operator and for anonymous requests. */
    public static Person of(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(ATTRIBUTE);
    }
}
