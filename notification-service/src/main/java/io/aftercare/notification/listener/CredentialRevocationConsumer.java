package io.aftercare.notification.listener;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.aftercare.events.CredentialRevoked;
import io.aftercare.notification.security.ForwardedClinicAuthentication;

/**
 * A key scheduling revoked is forgotten here at once, so that it stops working within a second or two instead of when
 * the remembered check expires. Every instance reads the topic in a consumer group of its own, from the newest events
 * on: what was revoked before it started, it never remembered.
 */
@ApplicationScoped
public class CredentialRevocationConsumer {

    private final ForwardedClinicAuthentication authentication;

    public CredentialRevocationConsumer(ForwardedClinicAuthentication authentication) {
        this.authentication = authentication;
    }

    @Incoming("credential-revocations")
    public void onRevoked(CredentialRevoked revoked) {
        if (revoked != null && revoked.clinicId() != null && revoked.keyId() != null) {
            authentication.forget(revoked.clinicId(), revoked.keyId());
        }
    }
}
