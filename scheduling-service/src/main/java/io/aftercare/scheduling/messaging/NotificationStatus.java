package io.aftercare.scheduling.messaging;

import java.time.Instant;
import java.util.UUID;

/** This service's reading of notification's {@code notification-status} event data. */
public record NotificationStatus(UUID reminderId, String status, String channel, String reason, Instant at) {
}
