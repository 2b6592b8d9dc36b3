package io.aftercare.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of a {@code reminders-due} CloudEvent (contracts/schemas/reminder-due.schema.json): a reminder whose time
 * has come, with all the notification service needs to deliver it. Scheduling writes it, notification reads it. Its
 * id is the reminder's id and stays the same if the event is published again. Fields a reader does not know are
 * ignored, so the producer can add some without breaking it.
 *
 * @param priority {@code normal} or {@code urgent}; a string, not scheduling's enum, so that no service's domain
 *            lives here
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReminderDue(UUID reminderId, String clinicId, UUID bookingId, String bookingRef, Recipient recipient,
        String ruleKey, int occurrence, String category, int protocolVersion, String priority, List<String> channels,
        String locale, Instant dueAt, Instant expiresAt, RenderedMessages messages) {

    public static final String TYPE = "io.aftercare.reminder.due.v1";

    /** The category of a moment that asks the check-in question; a reply with a number then answers it. */
    public static final String CHECK_IN = "check-in";

    /**
     * @param preferredChannel {@code sms} or {@code email}
     * @param smsConsent the clinic recorded consent and the patient has not opted out
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recipient(String firstName, String phone, String email, String locale, String timeZone,
            String preferredChannel, boolean smsConsent, boolean emailConsent) {
    }

    /** The text per channel, already in the patient's language; a channel the rule does not use is null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RenderedMessages(String sms, Email email) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Email(String subject, String body) {
    }

    public boolean asksCheckIn() {
        return CHECK_IN.equals(category);
    }

    public boolean urgent() {
        return "urgent".equals(priority);
    }

    /** A reminder that names no channels may go by any. */
    public boolean allows(String channel) {
        return channels == null || channels.contains(channel);
    }
}
