package io.aftercare.scheduling.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.aftercare.scheduling.messaging.PatientReplied;
import io.aftercare.scheduling.repository.ProcessedEvents;

/** Keeps the patient's latest check-in answer on their booking, where the clinic's view of the booking shows it. */
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
}
