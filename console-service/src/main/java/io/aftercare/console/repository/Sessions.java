package io.aftercare.console.repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.console.ConsoleSession;

/** The session table: rows are found by the SHA-256 of the browser's cookie. */
@ApplicationScoped
public class Sessions {

    public Optional<ConsoleSession> byHash(String idSha256) {
        return Optional.ofNullable(ConsoleSession.findById(idSha256));
    }

    public long deleteOne(String idSha256) {
        return ConsoleSession.delete("idSha256", idSha256);
    }

    /** Signs the person out of every browser. */
    public long deleteAllOf(UUID userId) {
        return ConsoleSession.delete("userId", userId);
    }

    public long countOf(UUID userId) {
        return ConsoleSession.count("userId", userId);
    }

    /** Sessions past their absolute expiry or idle since {@code idleSince}. */
    public long deleteExpired(Instant now, Instant idleSince) {
        return ConsoleSession.delete("expiresAt <= ?1 or lastSeenAt <= ?2", now, idleSince);
    }
}
