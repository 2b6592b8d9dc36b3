package io.aftercare.notification.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.aftercare.notification.PatientReply;

/**
 * One booking's side of the conversation with its patient, within one clinic: what they wrote back, and the opt-outs
 * that stop this clinic's texts to them. Another clinic's booking is never read: every query names the clinic.
 */
@ApplicationScoped
public class BookingConversations {

    /**
     * An opt-out in force for a number of the booking.
     *
     * @param sender the sender it stops, or {@link OptOutRepository#EVERY_SENDER}
     */
    public record OptOut(String channel, String keyword, String sender, Instant since) {
    }

    private final EntityManager entityManager;

    public BookingConversations(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Whether this clinic has anything of the booking here: a delivery, a number texted for it, a conversation or a
     * reply. Without one, its conversation is necessarily empty (the opt-outs are found through its numbers) and the
     * id is, to this clinic, unknown: another clinic's booking and one never seen alike.
     */
    public boolean known(String clinicId, UUID bookingId) {
        Object found = entityManager
                .createNativeQuery(
                        """
                                SELECT EXISTS (SELECT 1 FROM delivery WHERE clinic_id = :clinic AND booking_id = :booking)
                                    OR EXISTS (SELECT 1 FROM recipient_booking WHERE booking_id = :booking AND clinic_id = :clinic)
                                    OR EXISTS (SELECT 1 FROM sms_conversation WHERE booking_id = :booking AND clinic_id = :clinic)
                                    OR EXISTS (SELECT 1 FROM patient_reply WHERE booking_id = :booking AND clinic_id = :clinic)
                                """)
                .setParameter("clinic", clinicId)
                .setParameter("booking", bookingId)
                .getSingleResult();
        return Boolean.TRUE.equals(found);
    }

    /** Every reply filed under the booking, oldest first. */
    public List<PatientReply> replies(String clinicId, UUID bookingId) {
        return entityManager
                .createQuery("from PatientReply where clinicId = :clinic and bookingId = :booking"
                        + " order by receivedAt, id", PatientReply.class)
                .setParameter("clinic", clinicId)
                .setParameter("booking", bookingId)
                .getResultList();
    }

    /**
     * The text opt-outs of the booking's numbers that stop this clinic: of every sender, of a sender that texted the
     * booking, or of the clinic's sender now ({@code currentSender}).
     */
    @SuppressWarnings("unchecked")
    public List<OptOut> optOuts(String clinicId, UUID bookingId, String currentSender) {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                                SELECT o.channel, o.keyword, o.sender, o.created_at FROM opt_out o
                                WHERE o.channel = 'SMS'
                                  AND o.address IN (SELECT phone FROM recipient_booking WHERE booking_id = :booking AND clinic_id = :clinic
                                                    UNION
                                                    SELECT phone FROM sms_conversation WHERE booking_id = :booking AND clinic_id = :clinic)
                                  AND (o.sender IN ('*', :current)
                                       OR o.sender IN (SELECT sender FROM sms_conversation
                                                       WHERE booking_id = :booking AND clinic_id = :clinic))
                                ORDER BY o.created_at
                                """)
                .setParameter("booking", bookingId)
                .setParameter("clinic", clinicId)
                .setParameter("current", currentSender == null ? "" : currentSender)
                .getResultList();
        return rows.stream()
                .map(row -> new OptOut((String) row[0], (String) row[1], (String) row[2], instant(row[3])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
