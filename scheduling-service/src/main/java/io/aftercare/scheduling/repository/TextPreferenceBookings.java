package io.aftercare.scheduling.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.events.RecipientPreferenceChanged;
import io.aftercare.scheduling.ReminderState;

/**
 * A patient's STOP or START, applied to the bookings of their number. Each statement concerns only the bookings of
 * clinics whose texts go from the sender the patient answered: a STOP to one clinic's number does not silence another
 * clinic's.
 */
@ApplicationScoped
public class TextPreferenceBookings {

    private final Jdbc jdbc;

    public TextPreferenceBookings(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the bookings opted out of texts, or no longer. */
    public void markOptedOut(RecipientPreferenceChanged event) {
        scoped("UPDATE booking b SET sms_opted_out = :out WHERE b.phone = :phone", event)
                .set("out", event.optedOut())
                .update();
    }

    /** @return how many pending reminders that can only go by text were revoked; those that may go by email stay */
    public int revokeTextOnly(RecipientPreferenceChanged event) {
        return scoped(ReminderState.sql("""
                UPDATE reminder r SET state = {REVOKED}
                FROM booking b
                WHERE r.booking_id = b.id AND b.phone = :phone AND r.state = {PLANNED}
                  AND NOT (b.email_consent AND b.email IS NOT NULL AND r.channels LIKE '%email%')
                """), event).update();
    }

    /** @return how many planned bookings were queued for a new plan */
    public int queueForNewPlan(RecipientPreferenceChanged event, Instant now) {
        return scoped("""
                UPDATE booking b SET plan_state = 'PENDING', next_plan_at = :now, plan_attempts = 0
                WHERE b.phone = :phone AND b.plan_state = 'PLANNED' AND b.status IN ('BOOKED', 'COMPLETED')
                """, event).set("now", now).update();
    }

    /**
     * The statement about the number's bookings {@code b}, narrowed to those of clinics whose texts go from the
     * sender the keyword was sent to: the clinics with that sender in their profile, or, for the deployment's shared
     * sender, those with none of their own. An event that names no sender concerns every booking of the number.
     */
    private Jdbc.Statement scoped(String sql, RecipientPreferenceChanged event) {
        if (event.sender() == null) {
            return jdbc.sql(sql).set("phone", event.address());
        }
        if (event.deploymentSender()) {
            return jdbc.sql(sql + """
                     AND NOT EXISTS (SELECT 1 FROM clinic_profile p
                                     WHERE p.clinic_id = b.clinic_id AND p.sms_sender IS NOT NULL)
                    """).set("phone", event.address());
        }
        return jdbc.sql(sql + """
                 AND EXISTS (SELECT 1 FROM clinic_profile p WHERE p.clinic_id = b.clinic_id AND p.sms_sender = :sender)
                """).set("phone", event.address()).set("sender", event.sender());
    }
}
