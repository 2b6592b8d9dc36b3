package io.aftercare.scheduling.messaging;

import java.time.Instant;

/**
 * The data of a {@code credential-revocations} event: a clinic's API key was revoked, so every instance that
 * remembers it as good forgets it now. Carries no secret, only the key's id.
 */
public record CredentialRevoked(String clinicId, String keyId, Instant revokedAt) {

    public static final String TYPE = "io.aftercare.credential.revoked.v1";
}
