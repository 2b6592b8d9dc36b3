package io.aftercare.scheduling.messaging;

import java.time.Instant;
import java.util.UUID;

import io.aftercare.scheduling.Channel;
import io.aftercare.scheduling.Priority;

/**
 * The data of a {@code reminders-due} CloudEvent: a reminder whose time has come, with all the notification service
 * needs to deliver it. Its id is the reminder's id and stays the same if the event is published again.
 */
public record ReminderDue(UUID reminderId, String clinicId, UUID bookingId, String bookingRef, Recipient recipient,
        String ruleKey, int protocolVersion, Priority priority, Instant dueAt, Instant expiresAt,
        RenderedMessages messages) {

    public static final String TYPE = "io.aftercare.reminder.due.v1";

    public record Recipient(String firstName, String phone, String email, String locale, String timeZone,
            Channel preferredChannel, boolean smsConsent, boolean emailConsent) {
    }

    /** The text per channel, already in the patient's language. */
    public record RenderedMessages(String sms) {
    }
}
