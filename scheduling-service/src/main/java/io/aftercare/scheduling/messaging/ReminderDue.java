package io.aftercare.scheduling.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aftercare.scheduling.Channel;
import io.aftercare.scheduling.Priority;

/**
 * The data of a {@code reminders-due} CloudEvent: a reminder whose time has come, with all the notification service
 * needs to deliver it. Its id is the reminder's id and stays the same if the event is published again.
 */
public record ReminderDue(UUID reminderId, String clinicId, UUID bookingId, String bookingRef, Recipient recipient,
        String ruleKey, int occurrence, String category, int protocolVersion, Priority priority, List<String> channels,
        String locale, Instant dueAt, Instant expiresAt, RenderedMessages messages) {

    public static final String TYPE = "io.aftercare.reminder.due.v1";

    /**
     * @param smsConsent the clinic recorded consent and the patient has not opted out
     */
    public record Recipient(String firstName, String phone, String email, String locale, String timeZone,
            Channel preferredChannel, boolean smsConsent, boolean emailConsent) {
    }

    /** The text per channel, already in the patient's language; a channel the rule does not use is null. */
    public record RenderedMessages(String sms, Email email) {
    }

    public record Email(String subject, String body) {
    }
}
