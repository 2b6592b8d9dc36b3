package io.aftercare.scheduling.listener;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.aftercare.events.CredentialRevoked;
import io.aftercare.scheduling.security.StoredKeys;

/**
 * Each instance forgets a revoked key it remembers as soon as any instance revoked it. Every instance reads the topic
 * in a consumer group of its own, from the newest events on: what was revoked before it started, it never remembered.
 */
@ApplicationScoped
public class CredentialRevocationConsumer {

    private final StoredKeys keys;

    public CredentialRevocationConsumer(StoredKeys keys) {
        this.keys = keys;
    }

    @Incoming("credential-revocations")
    public void onRevoked(CredentialRevoked revoked) {
        if (revoked != null && revoked.keyId() != null) {
            keys.forget(revoked.keyId());
        }
    }
}
