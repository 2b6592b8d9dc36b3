package io.aftercare.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A text that answered a sender from which no clinic ever texted the number: it belongs to no clinic, so it waits in
 * the operator's queue instead of going to a guess. The body is personal health information: never logged, shown only
 * to operators.
 */
public final class UnroutedReply {

    public UUID id;
    public String messageSid;
    public String phone;

    /** The number (or Messaging Service) the patient texted. */
    public String sender;
    public String body;
    public boolean urgent;
    public String urgentReason;
    public Instant receivedAt;
    public Instant handledAt;
    public String handledBy;
    public Instant alertedAt;
}
