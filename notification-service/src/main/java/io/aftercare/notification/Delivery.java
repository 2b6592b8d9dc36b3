package io.aftercare.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What became of one reminder event, and what is needed to send it. One row per event id, ever. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    @Column(name = "reminder_id", nullable = false)
    public UUID reminderId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "booking_id", nullable = false)
    public UUID bookingId;

    @Column(name = "rule_key", nullable = false)
    public String ruleKey;

    @Column(nullable = false)
    public String priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryKind kind;

    @Enumerated(EnumType.STRING)
    public DeliveryChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    public String reason;

    public String provider;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /**
     * Since when a provider call may have reached the provider with its answer unknown (in flight, or unanswered);
     * while set, the next attempt asks the provider first. Null once an answer settled it.
     */
    @Column(name = "unconfirmed_since")
    public Instant unconfirmedSince;

    /** The instance ({@code aftercare.instance-id}) holding the SENDING lease. */
    @Column(name = "leased_by")
    public String leasedBy;

    /** The reminders-due event data as received (JSON). */
    @Column(nullable = false)
    public String event;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
