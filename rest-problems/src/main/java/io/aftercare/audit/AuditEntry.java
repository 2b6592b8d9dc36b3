package io.aftercare.audit;

import java.time.Instant;

/**
 * One line of the audit trail: who did what to which resource, when, from where, and how it ended.
 *
 * @param actor the signed-in name: a clinic id (its booking system's key), {@code operator}, {@code admin}, or a
 *        clinic's person's id (at the console, or through it with a person token)
 * @param role what the actor signed in as: {@code clinic}, {@code operator}, {@code admin}, or a person's
 *        {@code staff} or {@code clinic-admin}
 * @param clinicId the clinic whose records were read or changed, when the resource names one
 * @param action the HTTP method: {@code GET} is a read of patient data, anything else a change
 * @param resource the path, without its query (which may hold a patient's phone number)
 * @param status the answer's status: a refused attempt is recorded too
 * @param source the client's address
 */
public record AuditEntry(long id, Instant at, String actor, String role, String clinicId, String action,
        String resource, int status, String source) {
}
