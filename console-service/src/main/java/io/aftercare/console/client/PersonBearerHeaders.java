package io.aftercare.console.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.aftercare.console.service.Person;
import io.aftercare.console.service.PersonTokens;
import io.quarkus.security.identity.CurrentIdentityAssociation;

/**
 * Puts {@code Authorization: Bearer <token>} of the current request's signed-in {@link Person} on every call of a
 * REST client registered with {@code @RegisterClientHeaders(PersonBearerHeaders.class)}: the service called acts for
 * that person, in their clinic and role, and its audit trail names them. A fresh token per call (about a minute long,
 * {@link PersonTokens}); nothing of the browser's request (its cookie, its headers) is passed on.
 * <p>
 * A call made without a signed-in person (the operator, a scheduled job) carries no token and is refused 401 by the
 * service: the console never calls for a person who is not there.
 */
@ApplicationScoped
public class PersonBearerHeaders implements ClientHeadersFactory {

    private final CurrentIdentityAssociation identity;
    private final PersonTokens tokens;

    public PersonBearerHeaders(CurrentIdentityAssociation identity, PersonTokens tokens) {
        this.identity = identity;
        this.tokens = tokens;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        Person person = Person.of(identity.getIdentity());
        if (person != null) {
            headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.mint(person));
        }
        return headers;
    }
}
