package io.aftercare.notification.messaging;

import java.time.Instant;
import java.util.UUID;

/** The data of a {@code notification-status} event: what became of a reminder (sent, delivered, failed, ...). */
public record NotificationStatus(UUID reminderId, String clinicId, UUID bookingId, String status, String channel,
        String reason, Instant at) {

    public static final String TYPE = "io.aftercare.notification.status.v1";
}
