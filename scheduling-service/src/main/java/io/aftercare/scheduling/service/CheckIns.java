package io.aftercare.scheduling.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.aftercare.events.PatientReplied;
import io.aftercare.scheduling.repository.ProcessedEvents;

/**
 * Keeps the patient's latest check-in answer on their booking, where the clinic's view of the booking shows it, and
 * each urgent reply, which a FHIR clinic reads as a Task.
 */
@ApplicationScoped
public class CheckIns {

    private final EntityManager entityManager;
    private final ProcessedEvents processed;
    private final Clock clock;

    public CheckIns(EntityManager entityManager, ProcessedEvents processed, Clock clock) {
        this.entityManager = entityManager;
        this.processed = processed;
        this.clock = clock;
    }

    /** An older answer arriving late (redelivered, reordered) never replaces a newer one. */
    @Transactional
    public void answered(String eventId, PatientReplied reply) {
        if (!processed.firstTime(eventId, clock.instant())) {
            return;
        }
        if (reply.checkInScore() != null) {
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
        if (reply.urgent()) {
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
}
