package io.aftercare.console.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** notification's view of one message to the patient ({@code GET /v1/clinics/{c}/deliveries?bookingId=}). */
public record DeliveryRecord(UUID reminderId, String ruleKey, String channel, String status, String reason,
        String provider, String providerMessageId, int attempts, Instant nextAttemptAt, Instant createdAt,
        Instant updatedAt, List<Attempt> history) {

    public record Attempt(int attempt, String channel, String provider, String outcome, Integer httpStatus,
            String errorCode, String detail, String providerMessageId, Instant attemptedAt) {
    }
}
