package io.aftercare.notification.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.aftercare.problem.InputPatterns;
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
 * Clinics sign in here with the same API keys as at the scheduling service, which owns them: the credentials are
 * checked there, and the answer is remembered for a minute in bounded caches, a refusal apart from a success so that
 * made-up keys cannot evict real ones, and a failed guess repeated does not ask scheduling again. A revoked key is
 * forgotten as soon as scheduling announces it on {@code credential-revocations} ({@link #forget}); the minute is only
 * the backstop for an announcement that could not be sent. The operator signs in with the
 * deployment's operator password, checked here by the shared {@link OperatorLogin}, not at scheduling: asking scheduling
 * for the operator too would make it a single point of failure for notification's operator pages.
 * <p>
 * Why clinics' keys are still checked at scheduling over HTTP, rather than against a copy of the keys' verifiers kept
 * here from an event, is written in docs/threat-model.md ("Where API keys are checked"): in short, a copy needs a
 * transactional outbox for issuing and revoking at scheduling and a full replay at every start before it may answer,
 * and without them a lost revocation would leave a revoked key working here for good, where today the minute above
 * bounds it.
 */
@ApplicationScoped
public class ForwardedClinicAuthentication implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    public static final String CLINIC = "clinic";
    public static final String OPERATOR = OperatorLogin.ROLE;
    private static final Duration REMEMBER = Duration.ofMinutes(1);
    private static final int REMEMBERED_AT_MOST = 10_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Cache<String, Boolean> verified = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_AT_MOST)
            .expireAfterWrite(REMEMBER)
            .build();
    private final Cache<String, Boolean> refused = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_AT_MOST)
            .expireAfterWrite(REMEMBER)
            .build();
    private final String schedulingUrl;
    private final OperatorLogin operator;

    public ForwardedClinicAuthentication(@ConfigProperty(name = "aftercare.scheduling.url") String schedulingUrl,
            OperatorLogin operator) {
        this.schedulingUrl = schedulingUrl;
        this.operator = operator;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String clinic = request.getUsername();
        if (operator.isOperator(clinic)) {
            return operator.authenticate(request);
        }
        String password = new String(request.getPassword().getPassword());
        String key = cacheKey(clinic, password);
        if (verified.getIfPresent(key) != null) {
            return Uni.createFrom().item(clinicIdentity(clinic));
        }
        if (refused.getIfPresent(key) != null || !clinic.matches(InputPatterns.CLINIC_ID)) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return context.runBlocking(() -> {
            if (!schedulingAccepts(clinic, password)) {
                refused.put(key, Boolean.TRUE);
                throw new AuthenticationFailedException();
            }
            verified.put(key, Boolean.TRUE);
            return clinicIdentity(clinic);
        });
    }

    /** Forgets every remembered success with this key: it was revoked. */
    public void forget(String clinic, String keyId) {
        String prefix = clinic + ":" + keyId + ":";
        verified.asMap().keySet().removeIf(key -> key.startsWith(prefix));
    }

    /** The clinic, the key id the secret names ({@code ak_<keyId>_...}) and a hash of the whole secret. */
    private static String cacheKey(String clinic, String secret) {
        String[] parts = secret.split("_", 3);
        String keyId = parts.length == 3 ? parts[1] : "";
        return clinic + ":" + keyId + ":" + Hashing.sha256Hex(secret);
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
            return http.send(check, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
        } catch (java.io.IOException e) {
            throw new AuthenticationFailedException("the scheduling service cannot check credentials now", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationFailedException(e);
        }
    }

    private static SecurityIdentity clinicIdentity(String clinic) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(clinic)).addRole(CLINIC).build();
    }
}
