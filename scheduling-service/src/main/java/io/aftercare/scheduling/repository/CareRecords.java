package io.aftercare.scheduling.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    private final EntityManager entityManager;

    public CareRecords(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public List<BookingRef> byAppointment(String clinicId, String appointmentId) {
        return bookings("external_id = :key", clinicId, appointmentId);
    }

    @Transactional
    public List<BookingRef> byPatient(String clinicId, String patient) {
        return bookings("fhir_patient = :key", clinicId, patient);
    }

    @SuppressWarnings("unchecked")
    private List<BookingRef> bookings(String condition, String clinicId, String key) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT id, external_id, first_name, fhir_patient FROM booking
                WHERE clinic_id = :clinic AND %s ORDER BY treatment_end DESC LIMIT %d
                """.formatted(condition, BOOKINGS_PER_PATIENT))
                .setParameter("clinic", clinicId)
                .setParameter("key", key)
                .getResultList();
        return rows.stream()
                .map(row -> new BookingRef((UUID) row[0], (String) row[1], (String) row[2], (String) row[3]))
                .toList();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<ReminderRow> reminders(List<UUID> bookings) {
        if (bookings.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT id, booking_id, state, priority, channels, due_at, sms_text, email_subject, created_at,
                       dispatched_at, notified_status, notified_reason, notified_at
                FROM reminder WHERE booking_id IN (:bookings) ORDER BY due_at, id
                """)
                .setParameter("bookings", bookings)
                .getResultList();
        return rows.stream()
                .map(r -> new ReminderRow((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                        instant(r[5]), (String) r[6], (String) r[7], instant(r[8]), instant(r[9]), (String) r[10],
                        (String) r[11], instant(r[12])))
                .toList();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<UrgentReplyRow> urgentReplies(List<UUID> bookings) {
        if (bookings.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT reply_id, booking_id, reason, check_in_score, received_at
                FROM urgent_reply WHERE booking_id IN (:bookings) ORDER BY received_at, reply_id
                """)
                .setParameter("bookings", bookings)
                .getResultList();
        return rows.stream()
                .map(r -> new UrgentReplyRow((UUID) r[0], (UUID) r[1], (String) r[2],
                        r[3] == null ? null : ((Number) r[3]).intValue(), instant(r[4])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return value instanceof java.sql.Timestamp timestamp
                ? timestamp.toInstant()
                : ((java.time.OffsetDateTime) value).toInstant();
    }
}
