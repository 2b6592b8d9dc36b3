package io.aftercare.scheduling.messaging;

import java.time.Instant;
import java.util.UUID;

/** This service's reading of notification's {@code patient-replies} event data; unknown fields are ignored. */
public record PatientReplied(UUID replyId, String clinicId, UUID bookingId, Integer checkInScore, boolean urgent,
        String urgentReason, Instant receivedAt) {
}
