package io.aftercare.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of a {@code credential-revocations} event (contracts/schemas/credential-revoked.schema.json): a clinic's API
 * key was revoked, so every instance that remembers it as good forgets it now. Scheduling writes it, every service that
 * checks keys reads it. Carries no secret, only the key's id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialRevoked(String clinicId, String keyId, Instant revokedAt) {

    public static final String TYPE = "io.aftercare.credential.revoked.v1";
}
