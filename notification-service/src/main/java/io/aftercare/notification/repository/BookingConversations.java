package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

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

    private final Jdbc jdbc;

    public BookingConversations(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether this clinic has anything of the booking here: a delivery, a number texted for it, a conversation or a
     * reply. Without one, its conversation is necessarily empty (the opt-outs are found through its numbers) and the
     * id is, to this clinic, unknown: another clinic's booking and one never seen alike.
     */
    public boolean known(String clinicId, UUID bookingId) {
        return jdbc.first("""
                SELECT EXISTS (SELECT 1 FROM delivery WHERE clinic_id = ? AND booking_id = ?)
                    OR EXISTS (SELECT 1 FROM recipient_booking WHERE booking_id = ? AND clinic_id = ?)
                    OR EXISTS (SELECT 1 FROM sms_conversation WHERE booking_id = ? AND clinic_id = ?)
                    OR EXISTS (SELECT 1 FROM patient_reply WHERE booking_id = ? AND clinic_id = ?)
                """, row -> row.getBoolean(1), clinicId, bookingId, bookingId, clinicId, bookingId, clinicId,
                bookingId, clinicId).orElse(false);
    }

    /** Every reply filed under the booking, oldest first. */
    public List<PatientReply> replies(String clinicId, UUID bookingId) {
        return jdbc.list(
                PatientReplyRepository.COLUMNS + " WHERE clinic_id = ? AND booking_id = ? ORDER BY received_at, id",
                PatientReplyRepository::read, clinicId, bookingId);
    }

    /**
     * The text opt-outs of the booking's numbers that stop this clinic: of every sender, of a sender that texted the
     * booking, or of the clinic's sender now ({@code currentSender}).
     */
    public List<OptOut> optOuts(String clinicId, UUID bookingId, String currentSender) {
        String current = currentSender == null ? "" : currentSender;
        return jdbc.list("""
                SELECT o.channel, o.keyword, o.sender, o.created_at FROM opt_out o
                WHERE o.channel = 'SMS'
                  AND o.address IN (SELECT phone FROM recipient_booking WHERE booking_id = ? AND clinic_id = ?
                                    UNION
                                    SELECT phone FROM sms_conversation WHERE booking_id = ? AND clinic_id = ?)
                  AND (o.sender IN ('*', ?)
                       OR o.sender IN (SELECT sender FROM sms_conversation WHERE booking_id = ? AND clinic_id = ?))
                ORDER BY o.created_at
                """, row -> new OptOut(row.getString(1), row.getString(2), row.getString(3),
                Jdbc.instant(row, "created_at")), bookingId, clinicId, bookingId, clinicId, current, bookingId,
                clinicId);
    }
}
