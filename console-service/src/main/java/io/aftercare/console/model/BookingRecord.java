package io.aftercare.console.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * scheduling's view of one booking ({@code GET /v1/clinics/{c}/bookings/{externalId}/timeline}): the patient, masked,
 * and every care moment ever planned for it with its texts, revoked ones too.
 */
public record BookingRecord(UUID id, String externalId, String status, String treatmentType, Instant treatmentStart,
        Instant treatmentEnd, String planState, Integer protocolVersion, CheckIn checkIn, Instant createdAt,
        Instant updatedAt, Patient patient, List<Moment> moments) {

    public record CheckIn(int score, Instant answeredAt) {
    }

    public record Patient(String firstName, String phone, String email, String locale, String timeZone,
            String preferredChannel, boolean smsConsent, boolean emailConsent, boolean smsOptedOut) {
    }

    public record Moment(UUID id, String ruleKey, int occurrence, String category, String priority,
            List<String> channels, Instant dueAt, LocalDateTime dueLocal, Instant expiresAt, String state,
            Instant plannedAt, Instant dispatchedAt, String sms, String emailSubject, String emailBody) {
    }
}
