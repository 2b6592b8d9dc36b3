package io.aftercare.console.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.console.ConsoleUser;
import io.aftercare.console.OneTimeLink;
import io.aftercare.console.UserState;
import io.aftercare.console.config.ConsoleConfig;
import io.aftercare.console.repository.Links;
import io.aftercare.console.repository.Users;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.Problem;
import io.aftercare.problem.UnprocessableException;

/**
 * One-time links: each invitation or reset issues one (and retires the person's others), and its person chooses a
 * password through it, once, before it expires.
 */
@ApplicationScoped
public class OneTimeLinks {

    /** A new one-time link: the token is in {@code link} only, shown or sent once; the table keeps its hash. */
    public record Invitation(ConsoleUser user, String purpose, String link, Instant expiresAt) {
    }

    /** Whom an open link is for. */
    public record LinkHolder(ConsoleUser user, String purpose) {
    }

    /** A password the policy refused. */
    public static class PasswordRefused extends UnprocessableException {

        private final PasswordPolicy.Refusal refusal;

        public PasswordRefused(PasswordPolicy.Refusal refusal) {
            super(400, "Password refused", "The password does not meet the policy: " + refusal + ".",
                    List.of(new Problem.FieldError("password",
                            refusal.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))));
            this.refusal = refusal;
        }

        public PasswordPolicy.Refusal refusal() {
            return refusal;
        }
    }

    private final Users users;
    private final Links links;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final ConsoleConfig config;
    private final Clock clock;

    public OneTimeLinks(Users users, Links links, PasswordPolicy policy, PasswordHasher hasher, ConsoleConfig config,
            Clock clock) {
        this.users = users;
        this.links = links;
        this.policy = policy;
        this.hasher = hasher;
        this.config = config;
        this.clock = clock;
    }

    /** A new link for the person, retiring every other of theirs. */
    Invitation issue(ConsoleUser user, String purpose, Instant now) {
        links.retireAllOf(user.id, now);
        String token = Tokens.random();
        OneTimeLink link = new OneTimeLink();
        link.tokenSha256 = Tokens.sha256(token);
        link.userId = user.id;
        link.purpose = purpose;
        link.createdAt = now;
        link.expiresAt = now.plus(config.links().validity());
        link.persist();
        return new Invitation(user, purpose, config.baseUrl() + "/links/" + token, link.expiresAt);
    }

    /** Every link of the person works no more. */
    void retireAllOf(UUID userId, Instant now) {
        links.retireAllOf(userId, now);
    }

    /** Whom a link is for, while it works: unused, unexpired, its person not disabled. */
    @Transactional
    public Optional<LinkHolder> openLink(String token) {
        return usableLink(token).flatMap(link -> users.byId(link.userId)
                .filter(user -> !UserState.DISABLED.equals(user.state))
                .map(user -> new LinkHolder(user, link.purpose)));
    }

    /**
     * The link's person chooses a password: it must meet the policy; the link then works no more, nor any other of
     * theirs, and the person is active with no failed sign-ins.
     *
     * @throws NotFoundProblem when the link does not work (used, expired, replaced, unknown)
     * @throws PasswordRefused when the policy refuses the password
     */
    @Transactional
    public LinkHolder choosePassword(String token, String password) {
        OneTimeLink link = usableLink(token).orElseThrow(() -> new NotFoundProblem("This link does not work."));
        ConsoleUser user = users.byId(link.userId)
                .filter(found -> !UserState.DISABLED.equals(found.state))
                .orElseThrow(() -> new NotFoundProblem("This link does not work."));
        Optional<PasswordPolicy.Refusal> refusal = policy.check(password, user.email);
        if (refusal.isPresent()) {
            throw new PasswordRefused(refusal.get());
        }
        Instant now = clock.instant();
        user.passwordHash = hasher.hash(password);
        user.state = UserState.ACTIVE;
        user.failedCount = 0;
        user.lockedUntil = null;
        user.updatedAt = now;
        links.retireAllOf(user.id, now);
        return new LinkHolder(user, link.purpose);
    }

    private Optional<OneTimeLink> usableLink(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return links.byHash(Tokens.sha256(token))
                .filter(link -> link.usedAt == null && now.isBefore(link.expiresAt));
    }
}
