package io.aftercare.console.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.console.ConsoleSession;
import io.aftercare.console.config.ConsoleConfig;
import io.aftercare.console.repository.Sessions;
import io.aftercare.console.repository.Users;

/**
 * Whether a session is still live, asked without keeping it alive: an open live inbox must not stretch the idle
 * timeout, and must end when the person signs out, is signed out everywhere, or is disabled.
 */
@ApplicationScoped
public class LiveSessions {

    private final Sessions sessions;
    private final Users users;
    private final ConsoleConfig config;
    private final Clock clock;

    public LiveSessions(Sessions sessions, Users users, ConsoleConfig config, Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public boolean live(String sessionSha256) {
        ConsoleSession session = sessions.byHash(sessionSha256).orElse(null);
        if (session == null) {
            return false;
        }
        Instant now = clock.instant();
        return now.isBefore(session.expiresAt)
                && now.isBefore(session.lastSeenAt.plus(config.sessions().idleTimeout()))
                && users.byId(session.userId).map(user -> user.isActive()).orElse(false);
    }
}
