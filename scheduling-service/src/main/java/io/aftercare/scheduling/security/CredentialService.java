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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import io.aftercare.scheduling.ClinicCredential;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Issues, checks and revokes clinics' API keys. A secret reads {@code ak_<keyId>_<random>}: the key id finds the row
 * and the random part (256 bits) makes guessing hopeless, so a plain SHA-256 of it is a safe thing to store.
 */
@ApplicationScoped
public class CredentialService {

    private static final Logger LOG = Logger.getLogger(CredentialService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final StoredKeys storedKeys;

    public CredentialService(Clock clock, StoredKeys storedKeys) {
        this.clock = clock;
        this.storedKeys = storedKeys;
    }

    public record Issued(String clinicId, String keyId, String secret, Instant createdAt) {
    }

    public record KeyInfo(String keyId, Instant createdAt, Instant revokedAt) {
    }

    @Transactional
    public Issued issue(String clinicId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        ClinicCredential credential = new ClinicCredential();
        credential.keyId = HexFormat.of().formatHex(random, 0, 8);
        String secret = "ak_" + credential.keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        credential.clinicId = clinicId;
        credential.secretSha256 = sha256(secret);
        credential.createdAt = clock.instant();
        credential.persist();
        LOG.infof("issued API key %s for clinic %s", credential.keyId, clinicId);
        return new Issued(clinicId, credential.keyId, secret, credential.createdAt);
    }

    /** Whether the secret is a live key of this clinic. */
    public boolean verify(String clinicId, String secret) {
        String[] parts = secret.split("_", 3);
        if (parts.length != 3 || !parts[0].equals("ak")) {
            return false;
        }
        return storedKeys.find(parts[1])
                .filter(key -> !key.revoked() && key.clinicId().equals(clinicId))
                .map(key -> MessageDigest.isEqual(key.secretSha256(), sha256(secret)))
                .orElse(false);
    }

    @Transactional
    public List<KeyInfo> list(String clinicId) {
        return ClinicCredential.<ClinicCredential>list("clinicId = ?1 order by createdAt", clinicId)
                .stream()
                .map(c -> new KeyInfo(c.keyId, c.createdAt, c.revokedAt))
                .toList();
    }

    /** Revokes the key; this instance refuses it from the commit on (see {@link StoredKeys} for the others). */
    public void revoke(String clinicId, String keyId) {
        QuarkusTransaction.requiringNew().run(() -> {
            ClinicCredential credential = ClinicCredential.findById(keyId);
            if (credential == null || !credential.clinicId.equals(clinicId)) {
                throw new NotFoundException("clinic " + clinicId + " has no key " + keyId);
            }
            if (credential.revokedAt == null) {
                credential.revokedAt = clock.instant();
                LOG.infof("revoked API key %s of clinic %s", keyId, clinicId);
            }
        });
        // After the commit: forgotten before it, a request in between could remember the key unrevoked.
        storedKeys.forget(keyId);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
