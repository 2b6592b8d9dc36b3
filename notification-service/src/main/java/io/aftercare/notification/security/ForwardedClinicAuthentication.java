package io.aftercare.notification.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.aftercare.problem.InputPatterns;
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
 * deployment's operator password, as at scheduling; the check repeats scheduling's ClinicIdentityProvider on purpose:
 * the services share no security code, and asking scheduling for the operator too would make it a single point of
 * failure for notification's operator pages.
 */
@ApplicationScoped
public class ForwardedClinicAuthentication implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    public static final String CLINIC = "clinic";
    public static final String OPERATOR = "operator";
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
    private final String operatorUser;
    private final byte[] operatorPassword;

    public ForwardedClinicAuthentication(@ConfigProperty(name = "aftercare.scheduling.url") String schedulingUrl,
            @ConfigProperty(name = "aftercare.operator.username") String operatorUser,
            @ConfigProperty(name = "aftercare.operator.password") String operatorPassword) {
        this.schedulingUrl = schedulingUrl;
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
        String clinic = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        if (clinic.equals(operatorUser)) {
            return MessageDigest.isEqual(operatorPassword, password.getBytes(StandardCharsets.UTF_8))
                    ? Uni.createFrom().item(identity(clinic, OPERATOR))
                    : Uni.createFrom().failure(new AuthenticationFailedException());
        }
        String key = cacheKey(clinic, password);
        if (verified.getIfPresent(key) != null) {
            return Uni.createFrom().item(identity(clinic, CLINIC));
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
            return identity(clinic, CLINIC);
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

    private static SecurityIdentity identity(String user, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user)).addRole(role).build();
    }
}
