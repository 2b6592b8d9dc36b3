package io.aftercare.scheduling.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.ReminderState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {

    public Optional<Booking> findByClinicAndExternalId(String clinicId, String externalId) {
        return find("clinicId = ?1 and externalId = ?2", clinicId, externalId).firstResultOptional();
    }

    /** Locks bookings whose plan is due to be (re)computed, skipping those another instance holds. */
    @SuppressWarnings("unchecked")
    public List<Booking> claimWaitingForPlan(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM booking
                WHERE plan_state = 'PENDING' AND next_plan_at <= :now
                ORDER BY next_plan_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """, Booking.class).setParameter("now", now).setParameter("limit", limit).getResultList();
    }

    /** Makes a claimed booking due again now, unless something else changed it since the claim. */
    public void releaseClaim(UUID bookingId, Instant leaseUntil, Instant now) {
        update("nextPlanAt = ?3 where id = ?1 and nextPlanAt = ?2 and planState = io.aftercare.scheduling.PlanState.PENDING",
                bookingId, leaseUntil, now);
    }

    /**
     * Serialises writers of one booking until the transaction ends, so that two racing first PUTs of the same booking
     * make one row instead of one winner and one constraint violation.
     */
    public void lockBookingKey(String clinicId, String externalId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", clinicId + '/' + externalId)
                .getSingleResult();
    }

    /** A clinic's bookings of a treatment that still have reminders to go, queued for a new plan. */
    public int replanClinic(String treatment, String clinicId, Instant now) {
        return replanClinicWhere("b.treatment_type = :treatment AND ", clinicId, now, treatment);
    }

    /** A clinic's bookings of every treatment that still have reminders to go: its profile changed what they say. */
    public int replanClinic(String clinicId, Instant now) {
        return replanClinicWhere("", clinicId, now, null);
    }

    private int replanClinicWhere(String treatmentCondition, String clinicId, Instant now, String treatment) {
        var query = getEntityManager().createNativeQuery(ReminderState.sql("""
                UPDATE booking b SET plan_state = 'PENDING', next_plan_at = :now, plan_attempts = 0
                WHERE %sb.clinic_id = :clinic AND b.plan_state = 'PLANNED'
                  AND (b.treatment_start > :now
                       OR EXISTS (SELECT 1 FROM reminder r WHERE r.booking_id = b.id AND r.state = {PLANNED}))
                """.formatted(treatmentCondition))).setParameter("now", now).setParameter("clinic", clinicId);
        if (treatment != null) {
            query.setParameter("treatment", treatment);
        }
        return query.executeUpdate();
    }

    /** Asks for a new plan of every booking of the treatment that has not taken place yet. */
    public int replanFuture(String treatment, int version, Instant now) {
        return update("""
                planState = io.aftercare.scheduling.PlanState.PENDING, nextPlanAt = ?3, planAttempts = 0
                where treatmentType = ?1 and treatmentStart > ?3
                  and planState = io.aftercare.scheduling.PlanState.PLANNED
                  and (protocolVersion is null or protocolVersion < ?2)
                """, treatment, version, now);
    }
}
