package io.aftercare.console.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.console.ConsoleSession;
import io.aftercare.console.ConsoleUser;
import io.aftercare.console.config.ConsoleConfig;
import io.aftercare.console.repository.Sessions;
import io.aftercare.console.repository.Users;
import io.quarkus.scheduler.Scheduled;

/**
 * Server-side sessions: a random 256-bit id in the browser's cookie, its SHA-256 in the table, an absolute expiry
 * (12 h after sign-in) and an idle timeout (30 min since the last request), both checked on every request with the
 * person's state, so that deleting a row, or disabling the person, signs that browser out at its next request.
 */
@ApplicationScoped
public class SessionStore {

    private static final Logger LOG = Logger.getLogger(SessionStore.class);

    /** What the browser gets once: the cookie's value. Only its hash is kept. */
    public record NewSession(String token, String idSha256, Instant expiresAt) {
    }

    private final Sessions sessions;
    private final Users users;
    private final ConsoleConfig config;
    private final Clock clock;

    public SessionStore(Sessions sessions, Users users, ConsoleConfig config, Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public NewSession open(UUID userId) {
        Instant now = clock.instant();
        String token = Tokens.random();
        ConsoleSession session = new ConsoleSession();
        session.idSha256 = Tokens.sha256(token);
        session.userId = userId;
        session.csrfToken = Tokens.random();
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(config.sessions().absoluteTimeout());
        session.persist();
        return new NewSession(token, session.idSha256, session.expiresAt);
    }

    /** The person of a live session, which this request keeps alive; empty (and the row gone) when it is over. */
    @Transactional
    public Optional<Person> resume(String token) {
        Optional<ConsoleSession> found = sessions.byHash(Tokens.sha256(token));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConsoleSession session = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(session.expiresAt)
                || !now.isBefore(session.lastSeenAt.plus(config.sessions().idleTimeout()))) {
            session.delete();
            return Optional.empty();
        }
        Optional<ConsoleUser> user = users.byId(session.userId);
        if (user.isEmpty() || !user.get().isActive()) {
            session.delete();
            return Optional.empty();
        }
        session.lastSeenAt = now;
        ConsoleUser person = user.get();
        return Optional.of(new Person(person.id, person.clinicId, person.email, person.displayName, person.role,
                session.idSha256, session.csrfToken));
    }

    @Transactional
    public void close(String idSha256) {
        sessions.deleteOne(idSha256);
    }

    /** Signs the person out of every browser; how many sessions that ended. */
    @Transactional
    public long closeAll(UUID userId) {
        return sessions.deleteAllOf(userId);
    }

    @Transactional
    public long countOf(UUID userId) {
        return sessions.countOf(userId);
    }

    /** Over sessions are refused when used anyway; this only keeps the table small. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        Instant now = clock.instant();
        long deleted = sessions.deleteExpired(now, now.minus(config.sessions().idleTimeout()));
        if (deleted > 0) {
            LOG.debugf("removed %d sessions that were over", deleted);
        }
    }
}
