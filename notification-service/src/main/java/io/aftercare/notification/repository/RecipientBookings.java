package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which bookings a phone number received reminders for, newest first, by any channel: what a reply lists as the same
 * clinic's other bookings, and whom a STOP concerns. Not whom a reply belongs to: that is the conversation's
 * ({@link SmsConversations}), since any clinic can book any number. Looked up by the number through an index.
 */
@ApplicationScoped
public class RecipientBookings {

    /** One booking a number belongs to. */
    public record RecipientBooking(String clinicId, UUID bookingId, String bookingRef, String locale,
            Instant firstSeenAt, Instant checkInAskedAt) {
    }

    /** A shared family phone has a handful of bookings; more than this is not a person's number. */
    private static final int CANDIDATES = 20;

    private final Jdbc jdbc;

    public RecipientBookings(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that the number received a reminder of the booking (its language follows the latest one), and when the
     * reminder asks the check-in question, that it was asked.
     */
    public void seen(String phone, String clinicId, UUID bookingId, String bookingRef, String locale, boolean checkIn,
            Instant now) {
        seenAll(List.of(new Seen(phone, clinicId, bookingId, bookingRef, locale, checkIn, now)));
    }

    /** A reminder a number received, as {@link #seen} takes it. */
    public record Seen(String phone, String clinicId, UUID bookingId, String bookingRef, String locale,
            boolean checkIn, Instant now) {
    }

    /** The same for many, in one round trip. */
    public void seenAll(List<Seen> seen) {
        jdbc.batch("""
                INSERT INTO recipient_booking (phone, clinic_id, booking_id, booking_ref, locale, first_seen_at,
                                               check_in_asked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (phone, clinic_id, booking_id) DO UPDATE
                   SET locale = EXCLUDED.locale,
                       check_in_asked_at = COALESCE(EXCLUDED.check_in_asked_at, recipient_booking.check_in_asked_at)
                """, seen.stream()
                .map(s -> new Object[]{s.phone(), s.clinicId(), s.bookingId(), s.bookingRef(),
                        s.locale() == null ? "en" : s.locale(), s.now(), s.checkIn() ? s.now() : null})
                .toList());
    }

    /** The bookings of this number, newest first. */
    public List<RecipientBooking> of(String phone) {
        return jdbc.list("""
                SELECT clinic_id, booking_id, booking_ref, locale, first_seen_at, check_in_asked_at
                FROM recipient_booking WHERE phone = ?
                ORDER BY first_seen_at DESC LIMIT ?
                """, r -> new RecipientBooking(r.getString("clinic_id"), Jdbc.uuid(r, "booking_id"),
                r.getString("booking_ref"), r.getString("locale"), Jdbc.instant(r, "first_seen_at"),
                Jdbc.instant(r, "check_in_asked_at")), phone, CANDIDATES);
    }

}
