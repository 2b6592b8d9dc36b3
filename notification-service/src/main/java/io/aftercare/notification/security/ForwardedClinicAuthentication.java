package io.aftercare.notification.security;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.aftercare.problem.InputPatterns;
import io.aftercare.security.OperatorLogin;
import io.aftercare.security.SchedulingKeyCheck;
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
 * checked there (by the {@link SchedulingKeyCheck} guidance uses too; a check scheduling cannot answer now refuses the
 * login and is not remembered), and the answer is remembered for a minute in bounded caches, a refusal apart from a
 * success so that made-up keys cannot evict real ones, and a failed guess repeated does not ask scheduling again. A
 * revoked key is forgotten as soon as scheduling announces it on {@code credential-revocations} ({@link #forget}); the
 * minute is only the backstop for an announcement that could not be sent. The operator signs in with the deployment's
 * operator password, checked here by the shared {@link OperatorLogin}, not at scheduling: asking scheduling for the
 * operator too would make it a single point of failure for notification's operator pages.
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

    private final Cache<String, Boolean> verified = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_AT_MOST)
            .expireAfterWrite(REMEMBER)
            .build();
    private final Cache<String, Boolean> refused = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_AT_MOST)
            .expireAfterWrite(REMEMBER)
            .build();
    private final SchedulingKeyCheck scheduling;
    private final OperatorLogin operator;

    public ForwardedClinicAuthentication(@ConfigProperty(name = "aftercare.scheduling.url") String schedulingUrl,
            OperatorLogin operator) {
        this.scheduling = new SchedulingKeyCheck(schedulingUrl);
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
        return context.runBlocking(() -> switch (scheduling.check(clinic, password)) {
            case ACCEPTED -> {
                verified.put(key, Boolean.TRUE);
                yield clinicIdentity(clinic);
            }
            case REFUSED -> {
                refused.put(key, Boolean.TRUE);
                throw new AuthenticationFailedException();
            }
            case UNANSWERED ->
                throw new AuthenticationFailedException("the scheduling service cannot check credentials now");
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

    private static SecurityIdentity clinicIdentity(String clinic) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(clinic)).addRole(CLINIC).build();
    }
}
