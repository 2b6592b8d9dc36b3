package io.aftercare.scheduling.security;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.aftercare.scheduling.repository.ClinicCredentials;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The stored half of clinics' API keys, remembered for a while: every request of a booking system is signed with its
 * key, and reading the key's row in a transaction of its own cost each request more than the rest of its
 * authentication. Key ids that do not exist are remembered apart, in a cache of their own: random ids from a guesser
 * then cost one primary-key read each (after {@link io.aftercare.problem.FailedLogins} lets them through) and can
 * never evict a real key. (Hand-written with Caffeine because quarkus-cache keeps absent results in the same cache.)
 * A revocation is forgotten here at once, and at every other instance and at notification when they hear of it on
 * {@code credential-revocations}; the time limit is only the backstop for an event that could not be sent.
 */
@ApplicationScoped
public class StoredKeys {

    /** What checking a secret needs: whose key it is, the SHA-256 of the secret, and whether it was revoked. */
    public record StoredKey(String clinicId, byte[] secretSha256, boolean revoked) {
    }

    private final Cache<String, StoredKey> known;
    private final Cache<String, Boolean> unknown;
    private final ClinicCredentials credentials;

    public StoredKeys(ClinicCredentials credentials,
            @ConfigProperty(name = "aftercare.api-keys.remember", defaultValue = "30S") Duration remember,
            @ConfigProperty(name = "aftercare.api-keys.remember-at-most", defaultValue = "10000") int atMost) {
        this.credentials = credentials;
        this.known = Caffeine.newBuilder().maximumSize(atMost).expireAfterWrite(remember).build();
        this.unknown = Caffeine.newBuilder().maximumSize(atMost).expireAfterWrite(remember).build();
    }

    public Optional<StoredKey> find(String keyId) {
        StoredKey remembered = known.getIfPresent(keyId);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        if (unknown.getIfPresent(keyId) != null) {
            return Optional.empty();
        }
        Optional<StoredKey> stored = QuarkusTransaction.requiringNew().call(() -> credentials.find(keyId)
                .map(found -> new StoredKey(found.clinicId(), found.secretSha256(), found.revokedAt() != null)));
        stored.ifPresentOrElse(key -> known.put(keyId, key), () -> unknown.put(keyId, Boolean.TRUE));
        return stored;
    }

    public void forget(String keyId) {
        known.invalidate(keyId);
    }
}
