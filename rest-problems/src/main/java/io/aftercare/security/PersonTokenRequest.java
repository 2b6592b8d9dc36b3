package io.aftercare.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token from the console, as it arrived; {@link PersonTokenIdentityProvider} verifies it. */
public class PersonTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public PersonTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
