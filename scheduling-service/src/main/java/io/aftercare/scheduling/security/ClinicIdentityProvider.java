package io.aftercare.scheduling.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.security.OperatorLogin;
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
 * {@code clinic}); the operator who issues keys with the deployment's operator password (role {@code operator}),
 * checked by {@link OperatorLogin} as at every service.
 */
@ApplicationScoped
public class ClinicIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    public static final String CLINIC = "clinic";
    public static final String OPERATOR = OperatorLogin.ROLE;

    private final CredentialService credentials;
    private final OperatorLogin operator;

    public ClinicIdentityProvider(CredentialService credentials, OperatorLogin operator) {
        this.credentials = credentials;
        this.operator = operator;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String user = request.getUsername();
        if (operator.isOperator(user)) {
            return operator.authenticate(request);
        }
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            if (!credentials.verify(user, password)) {
                throw new AuthenticationFailedException();
            }
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user)).addRole(CLINIC).build();
        });
    }
}
