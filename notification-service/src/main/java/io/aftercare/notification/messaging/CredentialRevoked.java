package io.aftercare.notification.messaging;

import java.time.Instant;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** The data of a {@code credential-revocations} event, published by scheduling: a clinic's API key was revoked. */
public record CredentialRevoked(String clinicId, String keyId, Instant revokedAt) {

    /** One that cannot be read comes out null and is skipped: it can only be forgotten at the backstop. */
    public static class Deserializer extends ObjectMapperDeserializer<CredentialRevoked> {
        public Deserializer() {
            super(CredentialRevoked.class);
        }
    }
}
