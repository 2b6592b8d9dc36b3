package io.aftercare.console.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.console.service.Person;
import io.aftercare.console.service.SessionStore;
import io.aftercare.security.PersonIdentity;
import io.aftercare.security.PersonPrincipal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A live session of an active person becomes their identity: principal their id (a {@link PersonPrincipal}, so that
 * the shared audit trail names them with role and clinic), role theirs, the person whole.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    private final SessionStore sessions;

    public SessionIdentityProvider(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Person person = sessions.resume(request.token()).orElseThrow(AuthenticationFailedException::new);
            String id = person.id().toString();
            return PersonIdentity.builder(new PersonPrincipal(id, id, person.role(), person.clinicId()))
                    .addAttribute(Person.ATTRIBUTE, person)
                    .build();
        });
    }
}
