package io.aftercare.console.repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.console.OneTimeLink;

/** One-time links, found by the SHA-256 of their token. */
@ApplicationScoped
public class Links {

    public Optional<OneTimeLink> byHash(String tokenSha256) {
        return Optional.ofNullable(OneTimeLink.findById(tokenSha256));
    }

    /** Marks every unused link of the person used: a new link, or a password chosen, ends the others. */
    public int retireAllOf(UUID userId, Instant now) {
        return OneTimeLink.update("usedAt = ?1 where userId = ?2 and usedAt is null", now, userId);
    }
}
