package io.aftercare.scheduling;

import java.time.Instant;

/**
 * An API key of a clinic's booking system. The secret itself is shown once, when issued, and never stored.
 *
 * @param secretSha256 the SHA-256 of the secret
 * @param revokedAt null while the key is live
 */
public record ClinicCredential(String keyId, String clinicId, byte[] secretSha256, Instant createdAt,
        Instant revokedAt) {
}
