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

/** What became of one reminder event: sent, suppressed or expired, and why. One row per event id, ever. */
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

    @Enumerated(EnumType.STRING)
    public DeliveryChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    public String reason;

    public String provider;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
