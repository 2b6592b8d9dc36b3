package io.aftercare.scheduling.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.events.PatientReplied;

/** The patient's check-in answers, kept on their booking, and their urgent replies, which a FHIR clinic reads as Tasks. */
@ApplicationScoped
public class CheckInAnswers {

    private final Jdbc jdbc;

    public CheckInAnswers(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The answer's score on its booking; an older answer arriving late (redelivered, reordered) never replaces a newer one. */
    public void keepScore(PatientReplied reply) {
        jdbc.sql("""
                UPDATE booking SET check_in_score = :score, check_in_at = :at
                WHERE id = :id AND clinic_id = :clinic AND (check_in_at IS NULL OR check_in_at <= :at)
                """)
                .set("score", reply.checkInScore())
                .set("at", reply.receivedAt())
                .set("id", reply.bookingId())
                .set("clinic", reply.clinicId())
                .update();
    }

    /** An urgent reply, once per reply, for a booking of its clinic. */
    public void keepUrgent(PatientReplied reply) {
        jdbc.sql("""
                INSERT INTO urgent_reply (reply_id, clinic_id, booking_id, reason, check_in_score, received_at)
                SELECT :reply, :clinic, id, CAST(:reason AS varchar), CAST(:score AS smallint), :at
                FROM booking WHERE id = :id AND clinic_id = :clinic
                ON CONFLICT (reply_id) DO NOTHING
                """)
                .set("reply", reply.replyId())
                .set("clinic", reply.clinicId())
                .set("reason", reply.urgentReason() == null
                        ? null
                        : reply.urgentReason().substring(0, Math.min(200, reply.urgentReason().length())))
                .set("score", reply.checkInScore())
                .set("at", reply.receivedAt())
                .set("id", reply.bookingId())
                .update();
    }
}
