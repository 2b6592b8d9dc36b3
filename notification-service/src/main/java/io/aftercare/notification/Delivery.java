package io.aftercare.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * What became of one reminder event, and what is needed to send it. One row per event id, ever. A row of
 * {@code delivery} as read; a change is written back by {@code DeliveryRepository}, never by itself.
 */
public final class Delivery {

    public UUID id;
    public String eventId;
    public UUID reminderId;
    public String clinicId;
    public UUID bookingId;
    public String ruleKey;
    public String priority;
    public DeliveryKind kind;
    public DeliveryChannel channel;
    public DeliveryStatus status;
    public String reason;
    public String provider;
    public String providerMessageId;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant expiresAt;

    /**
     * Since when a provider call may have reached the provider with its answer unknown (in flight, or unanswered);
     * while set, the next attempt asks the provider first. Null once an answer settled it.
     */
    public Instant unconfirmedSince;

    /** The instance ({@code aftercare.instance-id}) holding the SENDING lease. */
    public String leasedBy;

    /** The reminders-due event data as received (JSON). */
    public String event;
    public Instant createdAt;
    public Instant updatedAt;
}
