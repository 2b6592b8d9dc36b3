package io.aftercare.console.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.aftercare.console.Role;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * HTTP Basic for the deployment's operator, with the same settings as the other services
 * ({@code aftercare.operator.username}, {@code aftercare.operator.password}). A clinic's people never sign in this way.
 * Failed attempts are throttled by rest-problems' {@code FailedLoginGate}, as everywhere.
 */
@ApplicationScoped
public class OperatorIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final String operatorUser;
    private final byte[] operatorPassword;

    public OperatorIdentityProvider(@ConfigProperty(name = "aftercare.operator.username") String operatorUser,
            @ConfigProperty(name = "aftercare.operator.password") String operatorPassword) {
        this.operatorUser = operatorUser;
        this.operatorPassword = operatorPassword.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        byte[] given = new String(request.getPassword().getPassword()).getBytes(StandardCharsets.UTF_8);
        boolean passwordMatches = MessageDigest.isEqual(operatorPassword, given);
        if (!operatorUser.equals(request.getUsername()) || !passwordMatches) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(operatorUser))
                .addRole(Role.OPERATOR)
                .build());
    }
}
