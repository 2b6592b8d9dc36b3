package io.aftercare.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A valid person token becomes the identity {@link PersonIdentity#atService} describes: the clinic's, as its API key
 * gives, plus the person and their role. Verifying is a signature check in memory, so it runs on the calling thread.
 */
@ApplicationScoped
public class PersonTokenIdentityProvider implements IdentityProvider<PersonTokenRequest> {

    private final PersonTokenVerifier verifier;

    public PersonTokenIdentityProvider(PersonTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Class<PersonTokenRequest> getRequestType() {
        return PersonTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(PersonTokenRequest request, AuthenticationRequestContext context) {
        return verifier.verify(request.token())
                .map(person -> Uni.createFrom()
                        .item(PersonIdentity.atService(person.personId(), person.role(), person.clinicId())))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException()));
    }
}
