package io.aftercare.guidance.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.aftercare.problem.InputPatterns;
import io.aftercare.security.OperatorLogin;
import io.aftercare.security.SchedulingKeyCheck;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A clinic signs in with the API key scheduling issued it, as at notification: scheduling owns the keys and answers
 * whether one is valid, by the {@link SchedulingKeyCheck} notification uses too (why over HTTP: docs/threat-model.md,
 * "Where API keys are checked"): an unanswered check refuses the login here, and nothing is remembered. The operator
 * signs in with the deployment's operator password, checked here by the shared {@link OperatorLogin}, as at every
 * service. Runs before the embedded users (the admin) and passes on whatever it cannot vouch for, so that they still
 * decide their own logins, and a scheduling that is away costs a clinic its login here, nothing more.
 */
@ApplicationScoped
public class ClinicLoginAtScheduling implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final SchedulingKeyCheck scheduling;
    private final OperatorLogin operator;

    public ClinicLoginAtScheduling(@ConfigProperty(name = "aftercare.scheduling.url") String schedulingUrl,
            OperatorLogin operator) {
        this.scheduling = new SchedulingKeyCheck(schedulingUrl);
        this.operator = operator;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Above the default (1001) of the embedded users' provider, which refuses any name it does not know. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String clinic = request.getUsername();
        if (operator.isOperator(clinic)) {
            return operator.authenticate(request);
        }
        if (ClinicOverrideAccess.ADMIN.equals(clinic) || !clinic.matches(InputPatterns.CLINIC_ID)) {
            return Uni.createFrom().nullItem();
        }
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> scheduling.check(clinic, password) == SchedulingKeyCheck.Answer.ACCEPTED
                ? QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(clinic))
                        .addRole(ClinicOverrideAccess.CLINIC)
                        .build()
                : null);
    }
}
