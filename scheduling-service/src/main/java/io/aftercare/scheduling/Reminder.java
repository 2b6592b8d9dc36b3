package io.aftercare.scheduling;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One planned message of a booking's aftercare, and the durable timer that sends it when it is due. */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "booking_id")
    public Booking booking;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "rule_key", nullable = false)
    public String ruleKey;

    /** Which occurrence of a repeating rule this is; 0 for a rule that fires once. */
    @Column(nullable = false)
    public int occurrence;

    @Column(name = "protocol_version", nullable = false)
    public int protocolVersion;

    @Column(nullable = false)
    public String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    /** The channels the rule may use, comma-separated ({@code sms,email}). */
    @Column(nullable = false)
    public String channels;

    @Column(nullable = false)
    public String locale;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "sms_text")
    public String smsText;

    @Column(name = "email_subject")
    public String emailSubject;

    @Column(name = "email_body")
    public String emailBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReminderState state;

    @Column(name = "dispatched_at")
    public Instant dispatchedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
