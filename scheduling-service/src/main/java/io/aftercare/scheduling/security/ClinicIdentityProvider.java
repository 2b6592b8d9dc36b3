package io.aftercare.scheduling.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * HTTP Basic for this service: a clinic's booking system signs in with its clinic id and an API key (role
 * {@code clinic}); the operator who issues keys with the configured operator password (role {@code operator}).
 */
@ApplicationScoped
public class ClinicIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    public static final String CLINIC = "clinic";
    public static final String OPERATOR = "operator";

    private final CredentialService credentials;
    private final String operatorUser;
    private final byte[] operatorPassword;

    public ClinicIdentityProvider(CredentialService credentials,
            @ConfigProperty(name = "aftercare.operator.username") String operatorUser,
            @ConfigProperty(name = "aftercare.operator.password") String operatorPassword) {
        this.credentials = credentials;
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
        String user = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        if (user.equals(operatorUser)) {
            return MessageDigest.isEqual(operatorPassword, password.getBytes(StandardCharsets.UTF_8))
                    ? Uni.createFrom().item(identity(user, OPERATOR))
                    : Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return context.runBlocking(() -> {
            if (!credentials.verify(user, password)) {
                throw new AuthenticationFailedException();
            }
            return identity(user, CLINIC);
        });
    }

    private static SecurityIdentity identity(String name, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole(role).build();
    }
}
