package io.aftercare.guidance.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.aftercare.problem.InputPatterns;
import io.aftercare.security.OperatorLogin;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A clinic signs in with the API key scheduling issued it, as at notification: scheduling owns the keys and answers
 * whether one is valid (why over HTTP: docs/threat-model.md, "Where API keys are checked"). The operator signs in with
 * the deployment's operator password, checked here by the shared {@link OperatorLogin}, as at every service. Runs
 * before the embedded users (the admin) and passes on whatever it cannot vouch for, so that they still decide their
 * own logins, and a scheduling that is away costs a clinic its login here, nothing more.
 */
@ApplicationScoped
public class ClinicLoginAtScheduling implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(ClinicLoginAtScheduling.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String schedulingUrl;
    private final OperatorLogin operator;

    public ClinicLoginAtScheduling(@ConfigProperty(name = "aftercare.scheduling.url") String schedulingUrl,
            OperatorLogin operator) {
        this.schedulingUrl = schedulingUrl;
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
        return context.runBlocking(() -> schedulingAccepts(clinic, password)
                ? QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(clinic))
                        .addRole(ClinicOverrideAccess.CLINIC)
                        .build()
                : null);
    }

    private boolean schedulingAccepts(String clinic, String password) {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((clinic + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest check = HttpRequest.newBuilder(URI.create(schedulingUrl + "/v1/clinics/" + clinic + "/session"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", basic)
                .GET()
                .build();
        try {
            int status = http.send(check, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 204 && status != 401) {
                LOG.warnf("scheduling answered %d to a check of clinic %s's login", status, clinic);
            }
            return status == 204;
        } catch (IOException e) {
            LOG.warnf("scheduling could not check clinic %s's login: %s", clinic, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
