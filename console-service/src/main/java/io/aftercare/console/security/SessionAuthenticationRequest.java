package io.aftercare.console.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The session cookie's value, to be checked against the session table. */
public class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    public SessionAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
