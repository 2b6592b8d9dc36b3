package io.aftercare.scheduling.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.aftercare.events.PatientReplied;

/** The patient's check-in answers, kept on their booking, and their urgent replies, which a FHIR clinic reads as Tasks. */
@ApplicationScoped
public class CheckInAnswers {

    private final EntityManager entityManager;

    public CheckInAnswers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The answer's score on its booking; an older answer arriving late (redelivered, reordered) never replaces a newer one. */
    public void keepScore(PatientReplied reply) {
        entityManager.createNativeQuery("""
                UPDATE booking SET check_in_score = :score, check_in_at = :at
                WHERE id = :id AND clinic_id = :clinic AND (check_in_at IS NULL OR check_in_at <= :at)
                """)
                .setParameter("score", reply.checkInScore())
                .setParameter("at", reply.receivedAt())
                .setParameter("id", reply.bookingId())
                .setParameter("clinic", reply.clinicId())
                .executeUpdate();
    }

    /** An urgent reply, once per reply, for a booking of its clinic. */
    public void keepUrgent(PatientReplied reply) {
        entityManager.createNativeQuery("""
                INSERT INTO urgent_reply (reply_id, clinic_id, booking_id, reason, check_in_score, received_at)
                SELECT :reply, :clinic, id, CAST(:reason AS varchar), CAST(:score AS smallint), :at
                FROM booking WHERE id = :id AND clinic_id = :clinic
                ON CONFLICT (reply_id) DO NOTHING
                """)
                .setParameter("reply", reply.replyId())
                .setParameter("clinic", reply.clinicId())
                .setParameter("reason", reply.urgentReason() == null
                        ? null
                        : reply.urgentReason().substring(0, Math.min(200, reply.urgentReason().length())))
                .setParameter("score", reply.checkInScore())
                .setParameter("at", reply.receivedAt())
                .setParameter("id", reply.bookingId())
                .executeUpdate();
    }
}
