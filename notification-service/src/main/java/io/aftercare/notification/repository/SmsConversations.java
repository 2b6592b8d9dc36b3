package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which booking last texted a number from which sender. A reply is the patient answering a sender, so it belongs to
 * the clinic and booking that texted them from it most recently; a number a clinic never texted never routes to it,
 * however many bookings of that number the clinic has made.
 */
@ApplicationScoped
public class SmsConversations {

    /** A text that went to a number: what {@link #textedAll} records. */
    public record Texted(String phone, String sender, String clinicId, UUID bookingId, Instant at) {
    }

    /** The conversation a reply belongs to, with what the booking's reminders said of the patient. */
    public record Conversation(String sender, String clinicId, UUID bookingId, String bookingRef, String locale,
            Instant checkInAskedAt) {
    }

    private final Jdbc jdbc;

    public SmsConversations(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records texts that went out, in one round trip; a later text of the same booking moves its time on. */
    public void textedAll(List<Texted> texted) {
        jdbc.batch("""
                INSERT INTO sms_conversation (phone, sender, clinic_id, booking_id, last_texted_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (phone, sender, booking_id) DO UPDATE
                   SET last_texted_at = GREATEST(sms_conversation.last_texted_at, EXCLUDED.last_texted_at)
                """, texted.stream()
                .map(t -> new Object[]{t.phone(), t.sender(), t.clinicId(), t.bookingId(), t.at()})
                .toList());
    }

    /**
     * The conversation of the booking that texted this number last from one of these senders (the number the patient
     * texted, and the Messaging Service it belongs to), if any did.
     */
    public Optional<Conversation> latest(String phone, Collection<String> senders) {
        if (phone == null || senders.isEmpty()) {
            return Optional.empty();
        }
        return query(phone, senders, 1).stream().findFirst();
    }

    /** The bookings that texted this number from this sender, newest first: whom its STOP concerns. */
    public List<Conversation> of(String phone, String sender) {
        return query(phone, List.of(sender), 50);
    }

    private List<Conversation> query(String phone, Collection<String> senders, int limit) {
        return jdbc.list("""
                SELECT c.sender, c.clinic_id, c.booking_id, r.booking_ref, r.locale, r.check_in_asked_at
                FROM sms_conversation c
                JOIN recipient_booking r
                  ON r.phone = c.phone AND r.clinic_id = c.clinic_id AND r.booking_id = c.booking_id
                WHERE c.phone = ? AND c.sender = ANY (?)
                ORDER BY c.last_texted_at DESC LIMIT ?
                """, r -> new Conversation(r.getString("sender"), r.getString("clinic_id"), Jdbc.uuid(r, "booking_id"),
                r.getString("booking_ref"), r.getString("locale"), Jdbc.instant(r, "check_in_asked_at")), phone,
                senders, limit);
    }
}
