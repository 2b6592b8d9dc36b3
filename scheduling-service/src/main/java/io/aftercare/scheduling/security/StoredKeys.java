package io.aftercare.scheduling.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.scheduling.ClinicCredential;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheResult;

/**
 * The stored half of clinics' API keys, remembered for a while ({@code quarkus.cache.caffeine."api-keys"}): every
 * request of a booking system is signed with its key, and reading the key's row in a transaction of its own cost
 * each request more than the rest of its authentication. A revocation is forgotten here at once; other instances
 * refuse the key once their copy expires (30 s).
 */
@ApplicationScoped
public class StoredKeys {

    /** What checking a secret needs: whose key it is, the SHA-256 of the secret, and whether it was revoked. */
    public record StoredKey(String clinicId, byte[] secretSha256, boolean revoked) {
    }

    @CacheResult(cacheName = "api-keys")
    @Transactional
    public Optional<StoredKey> find(String keyId) {
        ClinicCredential credential = ClinicCredential.findById(keyId);
        return Optional.ofNullable(credential)
                .map(found -> new StoredKey(found.clinicId, found.secretSha256, found.revokedAt != null));
    }

    @CacheInvalidate(cacheName = "api-keys")
    public void forget(String keyId) {
        // The annotation does the work.
    }
}
