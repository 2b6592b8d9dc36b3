package io.aftercare.notification.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * This service's reading of the {@code reminders-due} event data (the README's event catalogue is the contract).
 * Fields it does not know are ignored, so the producer can add some without breaking it.
 */
public record ReminderDue(UUID reminderId, String clinicId, UUID bookingId, String bookingRef, Recipient recipient,
        String ruleKey, int occurrence, String category, String priority, List<String> channels, String locale,
        Instant dueAt,
        Instant expiresAt, RenderedMessages messages) {

    public record Recipient(String firstName, String phone, String email, String locale, String timeZone,
            String preferredChannel, boolean smsConsent, boolean emailConsent) {
    }

    public record RenderedMessages(String sms, Email email) {
    }

    public record Email(String subject, String body) {
    }

    /** The category of a moment that asks the check-in question; a reply with a number then answers it. */
    public static final String CHECK_IN = "check-in";

    public boolean asksCheckIn() {
        return CHECK_IN.equals(category);
    }

    public boolean urgent() {
        return "urgent".equals(priority);
    }

    public boolean allows(String channel) {
        return channels == null || channels.contains(channel);
    }
}
