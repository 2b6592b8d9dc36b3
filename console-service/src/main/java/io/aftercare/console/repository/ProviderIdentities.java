package io.aftercare.console.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.console.ProviderIdentity;

/** Finding the console person an OpenID Connect provider's subject was linked to. */
@ApplicationScoped
public class ProviderIdentities {

    public Optional<ProviderIdentity> bySubject(String issuer, String subject) {
        return ProviderIdentity.find("issuer = ?1 and subject = ?2", issuer, subject).firstResultOptional();
    }

    public Optional<ProviderIdentity> ofUser(UUID userId) {
        return Optional.ofNullable(ProviderIdentity.findById(userId));
    }
}
