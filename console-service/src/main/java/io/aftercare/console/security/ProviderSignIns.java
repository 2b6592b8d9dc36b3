package io.aftercare.console.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.audit.AuditTrail;
import io.aftercare.console.ConsoleUser;
import io.aftercare.console.ProviderIdentity;
import io.aftercare.console.UserState;
import io.aftercare.console.config.ClinicProvidersConfig;
import io.aftercare.console.repository.Links;
import io.aftercare.console.repository.ProviderIdentities;
import io.aftercare.console.repository.Users;
import io.aftercare.console.service.SessionStore;
import io.aftercare.console.service.SignIns;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * After a clinic's provider signed a person in: the console person they are, and a console session of the same kind
 * as a password's, so that timeouts, sign-out everywhere and disabling hold alike.
 * <p>
 * The provider's subject is linked to one person. At the first sign-in the person is found by the token's email,
 * which must be verified (unless the clinic's settings say the provider never sends that), within this clinic, not
 * disabled and not linked to another subject; else a person of the clinic is created, active, with no password. The
 * role comes from the token's claim at every sign-in: the provider is the source of truth for its people. Refused: no
 * console role, a disabled person (the provider cannot undo the console's disabling), an email of another clinic or
 * one linked to someone else; the answer does not say which.
 */
@ApplicationScoped
public class ProviderSignIns {

    private static final Logger LOG = Logger.getLogger(ProviderSignIns.class);

    /** @param session null when refused */
    public record Outcome(ConsoleUser user, SessionStore.NewSession session) {

        public boolean signedIn() {
            return session != null;
        }
    }

    private final Users users;
    private final ProviderIdentities identities;
    private final Links links;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final Clock clock;

    public ProviderSignIns(Users users, ProviderIdentities identities, Links links, SessionStore sessions,
            AuditTrail audit, Clock clock) {
        this.users = users;
        this.identities = identities;
        this.links = links;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    public Outcome signIn(String clinicId, ClinicProvidersConfig.Provider provider, ProviderAccount account,
            String source) {
        Match match = QuarkusTransaction.requiringNew().call(() -> match(clinicId, provider, account));
        ConsoleUser user = match.user();
        String resource = ClinicTenants.PATH + clinicId;
        if (match.refusal() != null) {
            // The reason, for the deployment's log; never the email or the token.
            LOG.infof("sign-in through the provider of clinic %s refused: %s", clinicId, match.refusal());
            audit.record(user == null ? "unknown" : user.id.toString(), user == null ? "anonymous" : user.role,
                    clinicId, "GET", resource, 403, source);
            return new Outcome(user, null);
        }
        SessionStore.NewSession session = sessions.open(user.id);
        audit.record(user.id.toString(), user.role, clinicId, "GET", resource, 303, source);
        return new Outcome(user, session);
    }

    /** The person and, when refused, why (the person then only if they exist, for the audit trail). */
    private record Match(ConsoleUser user, String refusal) {

        static Match refused(ConsoleUser user, String why) {
            return new Match(user == null || user.id == null ? null : user, why);
        }
    }

    private Match match(String clinicId, ClinicProvidersConfig.Provider provider, ProviderAccount account) {
        Optional<ProviderIdentity> linked = identities.bySubject(account.issuer(), account.subject());
        Optional<ConsoleUser> known = linked.flatMap(identity -> users.byId(identity.userId));
        if (known.isEmpty()) {
            Match byEmail = byEmail(clinicId, provider, account);
            if (byEmail.refusal() != null) {
                return byEmail;
            }
            known = Optional.of(byEmail.user());
        }
        ConsoleUser user = known.get();
        if (!clinicId.equals(user.clinicId)) {
            return Match.refused(null, "the provider's account is linked to a person of another clinic");
        }
        if (UserState.DISABLED.equals(user.state)) {
            return Match.refused(user, "the person is disabled");
        }
        if (account.role() == null) {
            return Match.refused(user, "the token's claim '" + provider.rolesClaim() + "' grants no console role");
        }
        return new Match(save(user, linked.isEmpty(), account), null);
    }

    /** The clinic's person with the token's email, or a new one (not yet saved), unless refused. */
    private Match byEmail(String clinicId, ClinicProvidersConfig.Provider provider, ProviderAccount account) {
        String email = SignIns.normalize(account.email());
        if (email.isEmpty() || email.length() > 254 || !email.contains("@")) {
            return Match.refused(null, "the ID token has no email");
        }
        if (provider.requireVerifiedEmail() && !account.emailVerified()) {
            return Match.refused(null, "the ID token's email is not verified");
        }
        Optional<ConsoleUser> found = users.byEmail(email);
        if (found.isPresent() && identities.ofUser(found.get().id).isPresent()) {
            return Match.refused(null, "the email's person is linked to another account of the provider");
        }
        if (found.isPresent() && !clinicId.equals(found.get().clinicId)) {
            return Match.refused(null, "the email belongs to a person of another clinic");
        }
        return new Match(found.orElseGet(() -> newPerson(clinicId, email, account.name())), null);
    }

    private static ConsoleUser newPerson(String clinicId, String email, String name) {
        ConsoleUser user = new ConsoleUser();
        user.clinicId = clinicId;
        user.email = email;
        String shown = name == null ? "" : name.strip();
        user.displayName = shown.isEmpty() || shown.chars().anyMatch(Character::isISOControl)
                ? email.substring(0, email.indexOf('@'))
                : shown.substring(0, Math.min(shown.length(), 100));
        user.state = UserState.ACTIVE;
        return user;
    }

    private ConsoleUser save(ConsoleUser user, boolean link, ProviderAccount account) {
        Instant now = clock.instant();
        if (user.id == null) {
            user.id = UUID.randomUUID();
            user.createdAt = now;
        }
        if (UserState.INVITED.equals(user.state)) {
            // Signed in through the clinic's provider: the invitation has done its work.
            user.state = UserState.ACTIVE;
            links.retireAllOf(user.id, now);
        }
        user.role = account.role();
        user.updatedAt = now;
        user.persist();
        if (link) {
            ProviderIdentity identity = new ProviderIdentity();
            identity.userId = user.id;
            identity.issuer = account.issuer();
            identity.subject = account.subject();
            identity.createdAt = now;
            identity.persist();
        }
        return user;
    }
}
