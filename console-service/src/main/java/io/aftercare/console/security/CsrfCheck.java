package io.aftercare.console.security;

import io.aftercare.console.service.Person;
import io.aftercare.console.service.Tokens;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The per-session CSRF token: every form a session is shown carries it in a hidden field {@code csrf}, and every
 * change a session asks for must bring it back. A page of another site can make the browser post a form, but cannot
 * read the token. Hand-written rather than {@code quarkus-rest-csrf}: that extension does not resolve from the Maven
 * registry reachable here, and its token lives in a cookie of its own (double submit), not in the server-side session
 * that sign-out deletes.
 */
public final class CsrfCheck {

    private CsrfCheck() {
    }

    /** The signed-in person, when {@code submitted} is their session's token; 403 otherwise. */
    public static Person verified(SecurityIdentity identity, String submitted) {
        Person person = Person.of(identity);
        if (person == null || !Tokens.same(person.csrfToken(), submitted)) {
            throw new ForbiddenException("The form's CSRF token is missing or wrong.");
        }
        return person;
    }
}
