package io.aftercare.console.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.console.service.Tokens;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Signs a request in from the {@value #COOKIE} cookie: its value is looked up (by SHA-256) in the session table on
 * every request, with the person's current state and role, so that signing out, signing out everywhere, disabling a
 * person or changing their role takes effect on their very next request.
 * <p>
 * Hand-written on purpose: Quarkus' form authentication keeps the session in an encrypted cookie that the server
 * cannot revoke (a stolen or signed-out cookie stays valid until it expires, and there is no "sign out everywhere"),
 * and the server-side session a clinic's console needs is a table row that can be deleted.
 * <p>
 * A cookie that names no live session is as if there were none: the request goes on anonymous, so that the sign-in
 * page still answers and a protected page sends the browser there.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** {@code __Host-}: the browser keeps it only if Secure, for this host alone, and with Path=/. */
    public static final String COOKIE = "__Host-aftercare-session";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie == null || !Tokens.wellFormed(cookie.getValue())) {
            return Uni.createFrom().optional(Optional.empty());
        }
        SessionAuthenticationRequest request = new SessionAuthenticationRequest(cookie.getValue());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request)
                .onFailure(AuthenticationFailedException.class)
                .recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(303, "Location", "/sign-in"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, COOKIE));
    }
}
