package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.events.NotificationStatus;
import io.aftercare.events.ProtocolPublished;
import io.aftercare.events.RecipientPreferenceChanged;
import io.aftercare.scheduling.ReminderState;
import io.aftercare.scheduling.metrics.SchedulingMetrics;
import io.aftercare.scheduling.repository.BookingRepository;
import io.aftercare.scheduling.repository.ProcessedEvents;

/** What other services report that changes plans: a new protocol version, a patient's STOP or START. */
@ApplicationScoped
public class PlanChanges {

    private static final Logger LOG = Logger.getLogger(PlanChanges.class);

    private final BookingRepository bookings;
    private final ProcessedEvents processed;
    private final EntityManager entityManager;
    private final SchedulingMetrics metrics;
    private final Clock clock;

    public PlanChanges(BookingRepository bookings, ProcessedEvents processed, EntityManager entityManager,
            SchedulingMetrics metrics, Clock clock) {
        this.bookings = bookings;
        this.processed = processed;
        this.entityManager = entityManager;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Bookings whose treatment is still ahead follow a new version; after a clinic's override changed, that clinic's
     * bookings with reminders still to go. The planning job re-plans them.
     */
    @Transactional
    public void protocolPublished(String eventId, ProtocolPublished event) {
        Instant now = clock.instant();
        if (!processed.firstTime(eventId, now)) {
            return;
        }
        if (event.clinicId() != null) {
            int queued = bookings.replanClinic(event.treatment(), event.clinicId(), now);
            LOG.infof("clinic %s changed its %s override: %d booking(s) with reminders ahead queued for a new plan",
                    event.clinicId(), event.treatment(), queued);
            return;
        }
        int queued = bookings.replanFuture(event.treatment(), event.version(), now);
        LOG.infof("protocol %s version %d published: %d future booking(s) queued for a new plan", event.treatment(),
                event.version(), queued);
    }

    /**
     * What became of a dispatched reminder, as the notification service reports it. Delivered and failed also move
     * the reminder's state; a late "failed" never overwrites "delivered".
     */
    @Transactional
    public void notificationStatus(String eventId, NotificationStatus event) {
        Instant now = clock.instant();
        if (!processed.firstTime(eventId, now)) {
            return;
        }
        ReminderState state = switch (event.status()) {
            case "delivered" -> ReminderState.DELIVERED;
            case "failed", "undelivered", "suppressed" -> ReminderState.FAILED;
            default -> null;
        };
        entityManager.createNativeQuery(ReminderState.sql("""
                UPDATE reminder SET notified_status = :status, notified_reason = :reason, notified_at = :at,
                    state = CASE WHEN CAST(:state AS varchar) IS NOT NULL
                                  AND (state = {DISPATCHED} OR (state = {FAILED} AND :state = {DELIVERED}))
                                 THEN CAST(:state AS varchar) ELSE state END
                WHERE id = :id AND (notified_status IS DISTINCT FROM 'delivered' OR :status = 'delivered')
                """)).setParameter("status", event.status())
                .setParameter("reason", event.reason())
                .setParameter("at", event.at() == null ? now : event.at())
                .setParameter("state", state == null ? null : state.name())
                .setParameter("id", event.reminderId())
                .executeUpdate();
    }

    /**
     * A STOP revokes the pending reminders that can only go by text; those that may go by email stay. A START lifts
     * the opt-out and re-plans, so that what is still worth sending goes out again. Either concerns only the bookings
     * of clinics whose texts go from the sender the patient answered: a STOP to one clinic's number does not silence
     * another clinic's.
     */
    @Transactional
    public void preferenceChanged(String eventId, RecipientPreferenceChanged event) {
        Instant now = clock.instant();
        if (!processed.firstTime(eventId, now) || !"sms".equals(event.channel())) {
            return;
        }
        scoped("UPDATE booking b SET sms_opted_out = :out WHERE b.phone = :phone", event)
                .setParameter("out", event.optedOut())
                .executeUpdate();
        if (event.optedOut()) {
            int revoked = scoped(ReminderState.sql("""
                    UPDATE reminder r SET state = {REVOKED}
                    FROM booking b
                    WHERE r.booking_id = b.id AND b.phone = :phone AND r.state = {PLANNED}
                      AND NOT (b.email_consent AND b.email IS NOT NULL AND r.channels LIKE '%email%')
                    """), event).executeUpdate();
            metrics.revoked(revoked);
            LOG.infof("SMS opt-out: %d pending reminder(s) revoked", revoked);
        } else {
            int queued = scoped("""
                    UPDATE booking b SET plan_state = 'PENDING', next_plan_at = :now, plan_attempts = 0
                    WHERE b.phone = :phone AND b.plan_state = 'PLANNED' AND b.status IN ('BOOKED', 'COMPLETED')
                    """, event).setParameter("now", now).executeUpdate();
            LOG.infof("SMS opt-in: %d booking(s) queued for a new plan", queued);
        }
    }

    /**
     * The statement about the number's bookings {@code b}, narrowed to those of clinics whose texts go from the
     * sender the keyword was sent to: the clinics with that sender in their profile, or, for the deployment's shared
     * sender, those with none of their own. An event that names no sender concerns every booking of the number.
     */
    private Query scoped(String sql, RecipientPreferenceChanged event) {
        if (event.sender() == null) {
            return entityManager.createNativeQuery(sql).setParameter("phone", event.address());
        }
        if (event.deploymentSender()) {
            return entityManager.createNativeQuery(sql + """
                     AND NOT EXISTS (SELECT 1 FROM clinic_profile p
                                     WHERE p.clinic_id = b.clinic_id AND p.sms_sender IS NOT NULL)
                    """).setParameter("phone", event.address());
        }
        return entityManager.createNativeQuery(sql + """
                 AND EXISTS (SELECT 1 FROM clinic_profile p WHERE p.clinic_id = b.clinic_id AND p.sms_sender = :sender)
                """).setParameter("phone", event.address()).setParameter("sender", event.sender());
    }
}
