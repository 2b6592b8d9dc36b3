package io.aftercare.notification.messaging;

import io.aftercare.events.CredentialRevoked;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/**
 * Reads {@code credential-revocations} values; one that cannot be read comes out null and is skipped: it can only be
 * forgotten at the backstop.
 */
public class CredentialRevokedDeserializer extends ObjectMapperDeserializer<CredentialRevoked> {

    public CredentialRevokedDeserializer() {
        super(CredentialRevoked.class);
    }
}
