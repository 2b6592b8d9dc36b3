package io.aftercare.scheduling;

import java.time.Instant;
import java.util.UUID;

/** One planned message of a booking's aftercare, and the durable timer that sends it when it is due. */
public final class Reminder {
    public UUID id;
    public UUID bookingId;
    public String clinicId;
    public String ruleKey;

    /** Which occurrence of a repeating rule this is; 0 for a rule that fires once. */
    public int occurrence;
    public int protocolVersion;
    public String category;
    public Priority priority;

    /** The channels the rule may use, comma-separated ({@code sms,email}). */
    public String channels;
    public String locale;
    public Instant dueAt;
    public Instant expiresAt;
    public String smsText;
    public String emailSubject;
    public String emailBody;
    public ReminderState state;
    public Instant dispatchedAt;
    public Instant createdAt;
}
