package io.aftercare.scheduling.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.events.CredentialRevoked;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.scheduling.ClinicCredential;
import io.aftercare.scheduling.messaging.CredentialRevocationPublisher;
import io.aftercare.scheduling.repository.ClinicCredentials;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Issues, checks and revokes clinics' API keys. A secret reads {@code ak_<keyId>_<random>}: the key id finds the row
 * and the random part (256 bits) makes guessing hopeless, so a plain SHA-256 of it is a safe thing to store.
 */
@ApplicationScoped
public class CredentialService {

    private static final Logger LOG = Logger.getLogger(CredentialService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The id part of a secret as {@link #issue} makes it: what is not shaped so is refused without a look-up. */
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

    private final Clock clock;
    private final StoredKeys storedKeys;
    private final ClinicCredentials credentials;
    private final CredentialRevocationPublisher revocations;

    public CredentialService(Clock clock, StoredKeys storedKeys, ClinicCredentials credentials,
            CredentialRevocationPublisher revocations) {
        this.clock = clock;
        this.storedKeys = storedKeys;
        this.credentials = credentials;
        this.revocations = revocations;
    }

    public record Issued(String clinicId, String keyId, String secret, Instant createdAt) {
    }

    public record KeyInfo(String keyId, Instant createdAt, Instant revokedAt) {
    }

    @Transactional
    public Issued issue(String clinicId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String keyId = HexFormat.of().formatHex(random, 0, 8);
        String secret = "ak_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ClinicCredential credential = new ClinicCredential(keyId, clinicId, sha256(secret), clock.instant(), null);
        credentials.insert(credential);
        LOG.infof("issued API key %s for clinic %s", keyId, clinicId);
        return new Issued(clinicId, keyId, secret, credential.createdAt());
    }

    /** Whether the secret is a live key of this clinic. */
    public boolean verify(String clinicId, String secret) {
        String[] parts = secret.split("_", 3);
        if (parts.length != 3 || !parts[0].equals("ak") || !KEY_ID.matcher(parts[1]).matches()) {
            return false;
        }
        return storedKeys.find(parts[1])
                .filter(key -> !key.revoked() && key.clinicId().equals(clinicId))
                .map(key -> MessageDigest.isEqual(key.secretSha256(), sha256(secret)))
                .orElse(false);
    }

    @Transactional
    public List<KeyInfo> list(String clinicId) {
        return credentials.of(clinicId)
                .stream()
                .map(c -> new KeyInfo(c.keyId(), c.createdAt(), c.revokedAt()))
                .toList();
    }

    /**
     * Revokes the key; this instance refuses it from the commit on, the other instances and notification once they
     * hear of it on {@code credential-revocations} (see {@link StoredKeys}).
     */
    public void revoke(String clinicId, String keyId) {
        Instant revokedAt = QuarkusTransaction.requiringNew().call(() -> {
            ClinicCredential credential = credentials.find(keyId)
                    .filter(found -> found.clinicId().equals(clinicId))
                    .orElseThrow(() -> new NotFoundProblem("clinic " + clinicId + " has no key " + keyId));
            if (credential.revokedAt() != null) {
                return credential.revokedAt();
            }
            // What is stored, not our own clock: a revocation that raced this one may have been first.
            Instant stored = credentials.revoke(keyId, clock.instant());
            LOG.infof("revoked API key %s of clinic %s", keyId, clinicId);
            return stored;
        });
        // After the commit: forgotten before it, a request in between could remember the key unrevoked.
        storedKeys.forget(keyId);
        revocations.publish(new CredentialRevoked(clinicId, keyId, revokedAt));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
