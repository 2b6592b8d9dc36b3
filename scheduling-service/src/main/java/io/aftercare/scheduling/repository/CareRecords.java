package io.aftercare.scheduling.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What we planned, sent and heard for a clinic's bookings, read as FHIR clinics look for it: by their Appointment or
 * by their Patient. Read-only; the rows are the reminders and urgent replies as they are now.
 */
@ApplicationScoped
public class CareRecords {

    /** At most this many of a patient's bookings are read, newest treatment first. */
    public static final int BOOKINGS_PER_PATIENT = 50;

    public record BookingRef(UUID id, String appointmentId, String firstName, String patient) {
    }

    public record ReminderRow(UUID id, UUID bookingId, String state, String priority, String channels, Instant dueAt,
            String smsText, String emailSubject, Instant createdAt, Instant dispatchedAt, String notifiedStatus,
            String notifiedReason, Instant notifiedAt) {
    }

    public record UrgentReplyRow(UUID replyId, UUID bookingId, String reason, Integer checkInScore,
            Instant receivedAt) {
    }

    private final Jdbc jdbc;

    public CareRecords(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public List<BookingRef> byAppointment(String clinicId, String appointmentId) {
        return bookings("external_id = :key", clinicId, appointmentId);
    }

    @Transactional
    public List<BookingRef> byPatient(String clinicId, String patient) {
        return bookings("fhir_patient = :key", clinicId, patient);
    }

    private List<BookingRef> bookings(String condition, String clinicId, String key) {
        return jdbc.sql("""
                SELECT id, external_id, first_name, fhir_patient FROM booking
                WHERE clinic_id = :clinic AND %s ORDER BY treatment_end DESC LIMIT %d
                """.formatted(condition, BOOKINGS_PER_PATIENT))
                .set("clinic", clinicId)
                .set("key", key)
                .list(row -> new BookingRef(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getString(4)));
    }

    @Transactional
    public List<ReminderRow> reminders(List<UUID> bookings) {
        if (bookings.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, booking_id, state, priority, channels, due_at, sms_text, email_subject, created_at,
                       dispatched_at, notified_status, notified_reason, notified_at
                FROM reminder WHERE booking_id IN (:bookings) ORDER BY due_at, id
                """)
                .set("bookings", bookings)
                .list(r -> new ReminderRow(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                        r.getString(4), r.getString(5), Jdbc.instant(r, "due_at"), r.getString(7), r.getString(8),
                        Jdbc.instant(r, "created_at"), Jdbc.instant(r, "dispatched_at"), r.getString(11),
                        r.getString(12), Jdbc.instant(r, "notified_at")));
    }

    @Transactional
    public List<UrgentReplyRow> urgentReplies(List<UUID> bookings) {
        if (bookings.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT reply_id, booking_id, reason, check_in_score, received_at
                FROM urgent_reply WHERE booking_id IN (:bookings) ORDER BY received_at, reply_id
                """)
                .set("bookings", bookings)
                .list(r -> new UrgentReplyRow(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                        Jdbc.integer(r, "check_in_score"), Jdbc.instant(r, "received_at")));
    }

}
