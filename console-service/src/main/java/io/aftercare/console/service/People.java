package io.aftercare.console.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.console.ConsoleUser;
import io.aftercare.console.OneTimeLink;
import io.aftercare.console.Role;
import io.aftercare.console.UserState;
import io.aftercare.console.repository.Sessions;
import io.aftercare.console.repository.Users;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.Problem;
import io.aftercare.problem.UnprocessableException;

/**
 * A clinic's people: inviting, disabling, resetting (each invitation and reset a link of {@link OneTimeLinks}). Every
 * action of a clinic admin is confined to their own clinic: another clinic's person is not found (404), as if there
 * were none.
 */
@ApplicationScoped
public class People {

    /** A plausible address: one @, no spaces, a dot in the domain. Whether it works, the invitation shows. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final Users users;
    private final Sessions sessions;
    private final OneTimeLinks links;
    private final Clock clock;

    public People(Users users, Sessions sessions, OneTimeLinks links, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public List<ConsoleUser> ofClinic(String clinicId) {
        return users.ofClinic(clinicId);
    }

    /** A new person of the clinic, invited: no password until they choose one through the link. */
    @Transactional
    public OneTimeLinks.Invitation invite(String clinicId, String email, String displayName, String role) {
        String address = SignIns.normalize(email);
        String name = displayName == null ? "" : displayName.strip();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            errors.add(new Problem.FieldError("email", "must be an email address"));
        }
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new Problem.FieldError("displayName", "must be 1 to 100 characters"));
        }
        if (!Role.OF_PEOPLE.contains(role)) {
            errors.add(new Problem.FieldError("role", "must be staff or clinic-admin"));
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException(400, "Invalid request", "The request has " + errors.size()
                    + " invalid field(s).", errors);
        }
        if (users.byEmail(address).isPresent()) {
            throw new UnprocessableException(409, "Conflict", "This email already has an account.",
                    List.of(new Problem.FieldError("email", "is already in use")));
        }
        Instant now = clock.instant();
        ConsoleUser user = new ConsoleUser();
        user.id = UUID.randomUUID();
        user.clinicId = clinicId;
        user.email = address;
        user.displayName = name;
        user.role = role;
        user.state = UserState.INVITED;
        user.createdAt = now;
        user.updatedAt = now;
        user.persist();
        return links.issue(user, OneTimeLink.INVITE, now);
    }

    /** The clinic's first admin, by the operator: refused while the clinic has an admin who is not disabled. */
    @Transactional
    public OneTimeLinks.Invitation inviteFirstAdmin(String clinicId, String email, String displayName) {
        if (users.hasAdmin(clinicId)) {
            throw new UnprocessableException(409, "Conflict",
                    "The clinic has an admin already; its admins invite its people.", List.of());
        }
        return invite(clinicId, email, displayName, Role.CLINIC_ADMIN);
    }

    /** Disables a person of the admin's clinic and ends all their sessions. */
    @Transactional
    public ConsoleUser disable(Person admin, UUID userId) {
        ConsoleUser user = ofAdminsClinic(admin, userId);
        if (user.id.equals(admin.id())) {
            throw new UnprocessableException("Not allowed", "You cannot disable yourself.", List.of());
        }
        Instant now = clock.instant();
        user.state = UserState.DISABLED;
        user.updatedAt = now;
        sessions.deleteAllOf(user.id);
        links.retireAllOf(user.id, now);
        return user;
    }

    /**
     * Resets a person's password: the old one stops working, every session of theirs ends, and a new one-time link
     * lets them choose another (an invited person gets a new invitation; a disabled one is not reset).
     */
    @Transactional
    public OneTimeLinks.Invitation reset(Person admin, UUID userId) {
        ConsoleUser user = ofAdminsClinic(admin, userId);
        if (UserState.DISABLED.equals(user.state)) {
            throw new UnprocessableException("Not allowed", "A disabled person cannot be reset.", List.of());
        }
        Instant now = clock.instant();
        user.passwordHash = null;
        user.failedCount = 0;
        user.lockedUntil = null;
        user.updatedAt = now;
        sessions.deleteAllOf(user.id);
        return links.issue(user, UserState.INVITED.equals(user.state) ? OneTimeLink.INVITE : OneTimeLink.RESET, now);
    }

    private ConsoleUser ofAdminsClinic(Person admin, UUID userId) {
        return users.inClinic(admin.clinicId(), userId)
                .orElseThrow(() -> new NotFoundProblem("No such person in your clinic."));
    }
}
