package io.aftercare.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The deployment's operator signs in to every service with the same name and password
 * ({@code aftercare.operator.username}, {@code aftercare.operator.password}), checked here for all of them and at each
 * service itself, so that no service asks another whether the operator may in: each service's identity provider hands
 * a sign-in under the operator's name to {@link #authenticate}, and only the operator's password decides it. The
 * comparison is of SHA-256 digests, so that it takes the same time whatever the length of a guess.
 * {@link io.aftercare.problem.FailedLoginGate} throttles failures, as for every other login.
 */
@ApplicationScoped
public class OperatorLogin {

    /** The role of the operator's identity at every service. */
    public static final String ROLE = "operator";

    private final String user;
    private final byte[] passwordSha256;

    public OperatorLogin(@ConfigProperty(name = "aftercare.operator.username", defaultValue = "operator") String user,
            @ConfigProperty(name = "aftercare.operator.password") String password) {
        this.user = user;
        this.passwordSha256 = sha256(password);
    }

    /** Whether the sign-in is under the operator's name: then {@link #authenticate} decides it, nothing else. */
    public boolean isOperator(String userName) {
        return user.equals(userName);
    }

    /** The operator's identity, with role {@value #ROLE}, or a failure when the password is not the operator's. */
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request) {
        String password = new String(request.getPassword().getPassword());
        if (!isOperator(request.getUsername()) || !MessageDigest.isEqual(passwordSha256, sha256(password))) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user))
                .addRole(ROLE)
                .build());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
