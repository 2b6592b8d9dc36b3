package io.aftercare.console.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.audit.AuditTrail;
import io.aftercare.console.ConsoleUser;

/**
 * The console's own lines in rest-problems' audit trail ({@code audit_event}), naming the person (their id, never their
 * email), their role and their clinic: each sign-in, failed sign-in and password chosen through a link, which happen
 * before anyone is signed in. Every change by a signed-in person (sign-out, invite, disable, reset) is recorded once
 * by the shared {@code AuditFilter}, which reads the person, role and clinic from the session's
 * {@link io.aftercare.security.PersonPrincipal}.
 */
@ApplicationScoped
public class ConsoleAudit {

    /** The actor of a failed sign-in whose email names no account: the typed email is never recorded. */
    public static final String UNKNOWN = "unknown";

    private final AuditTrail trail;

    public ConsoleAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** A sign-in, or a failed one, by the account the email named (null: it named none). */
    public void signIn(ConsoleUser user, int status, String source) {
        if (user == null) {
            trail.record(UNKNOWN, "anonymous", null, "POST", "/sign-in", status, source);
        } else {
            trail.record(user.id.toString(), user.role, user.clinicId, "POST", "/sign-in", status, source);
        }
    }

    /** A password chosen through a one-time link, by the person it was for. */
    public void passwordChosen(ConsoleUser user, String purpose, int status, String source) {
        trail.record(user.id.toString(), user.role, user.clinicId, "POST", "/links/" + purpose, status, source);
    }
}
