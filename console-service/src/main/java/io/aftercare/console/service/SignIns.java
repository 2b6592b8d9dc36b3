package io.aftercare.console.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.aftercare.console.ConsoleUser;
import io.aftercare.console.config.ConsoleConfig;
import io.aftercare.console.repository.Users;
import io.aftercare.problem.FailedLogins;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Signing a person in with email and password. Guessing is slowed twice: the account locks after 5 failures in a row
 * (1 min, doubling with each further failure to at most 1 h; nothing is checked while it is locked, and the right
 * password then is refused too), and rest-problems' {@link FailedLogins} refuses a source address that failed too
 * often lately, whatever accounts it tries. An unknown email, a locked, invited or disabled account and a wrong
 * password are refused alike and take as long (a bcrypt check is always made), so the answer tells nobody which
 * emails have accounts. bcrypt runs outside any transaction; each change of the account is a short one of its own.
 */
@ApplicationScoped
public class SignIns {

    public enum Result {
        SIGNED_IN, REFUSED, THROTTLED
    }

    /**
     * @param user the account the email names, if any (for the audit trail), as it was before this attempt
     * @param session the new session when signed in
     * @param retryAfter how long the address is refused, when throttled
     */
    public record Attempt(Result result, ConsoleUser user, SessionStore.NewSession session, Duration retryAfter) {
    }

    private final Users users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final FailedLogins failures;
    private final ConsoleConfig config;
    private final Clock clock;

    public SignIns(Users users, SessionStore sessions, PasswordHasher hasher, FailedLogins failures,
            ConsoleConfig config, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.failures = failures;
        this.config = config;
        this.clock = clock;
    }

    public Attempt signIn(String email, String password, String address) {
        Optional<Duration> throttled = failures.refusedFor(null, address);
        if (throttled.isPresent()) {
            return new Attempt(Result.THROTTLED, null, null, throttled.get());
        }
        String normalized = normalize(email);
        String given = password == null ? "" : password;
        ConsoleUser user = normalized.isEmpty() || normalized.length() > 254
                ? null
                : QuarkusTransaction.requiringNew().call(() -> users.byEmail(normalized).orElse(null));
        Instant now = clock.instant();
        boolean locked = user != null && user.lockedUntil != null && now.isBefore(user.lockedUntil);
        if (user == null || !user.isActive() || user.passwordHash == null || locked
                || given.length() > config.passwords().maxLength()) {
            hasher.spendTheTime(given);
            failures.failed(null, address);
            return new Attempt(Result.REFUSED, user, null, null);
        }
        if (!hasher.matches(given, user.passwordHash)) {
            QuarkusTransaction.requiringNew().run(() -> countFailure(user.id, now));
            failures.failed(null, address);
            return new Attempt(Result.REFUSED, user, null, null);
        }
        QuarkusTransaction.requiringNew().run(() -> clearFailures(user.id, now));
        return new Attempt(Result.SIGNED_IN, user, sessions.open(user.id), null);
    }

    public static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private void countFailure(UUID userId, Instant now) {
        ConsoleUser user = ConsoleUser.findById(userId, LockModeType.PESSIMISTIC_WRITE);
        user.failedCount++;
        if (user.failedCount >= config.lockout().failures()) {
            user.lockedUntil = now.plus(lockFor(user.failedCount));
        }
        user.updatedAt = now;
    }

    private void clearFailures(UUID userId, Instant now) {
        ConsoleUser user = ConsoleUser.findById(userId, LockModeType.PESSIMISTIC_WRITE);
        if (user.failedCount != 0 || user.lockedUntil != null) {
            user.failedCount = 0;
            user.lockedUntil = null;
            user.updatedAt = now;
        }
    }

    /** 1 min at the 5th failure in a row, 2 min at the 6th, 4 at the 7th, ... never more than 1 h. */
    Duration lockFor(int failedCount) {
        int doublings = Math.min(failedCount - config.lockout().failures(), 20);
        Duration lock = config.lockout().first().multipliedBy(1L << doublings);
        return lock.compareTo(config.lockout().longest()) > 0 ? config.lockout().longest() : lock;
    }
}
