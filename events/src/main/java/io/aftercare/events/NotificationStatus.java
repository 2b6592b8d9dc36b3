package io.aftercare.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of a {@code notification-status} event (contracts/schemas/notification-status.schema.json): what became of
 * a reminder (sent, delivered, failed, ...). Notification writes it, scheduling reads it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotificationStatus(UUID reminderId, String clinicId, UUID bookingId, String status, String channel,
        String reason, Instant at) {

    public static final String TYPE = "io.aftercare.notification.status.v1";
}
