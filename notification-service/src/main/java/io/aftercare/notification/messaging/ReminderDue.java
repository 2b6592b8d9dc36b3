package io.aftercare.notification.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * This service's reading of the {@code reminders-due} event data (the README's event catalogue is the contract).
 * Fields it does not know are ignored, so the producer can add some without breaking it.
 */
public record ReminderDue(UUID reminderId, String clinicId, UUID bookingId, String bookingRef, Recipient recipient,
        String ruleKey, int protocolVersion, String priority, Instant dueAt, Instant expiresAt,
        RenderedMessages messages) {

    public record Recipient(String firstName, String phone, String email, String locale, String timeZone,
            String preferredChannel, boolean smsConsent, boolean emailConsent) {
    }

    public record RenderedMessages(String sms) {
    }
}
