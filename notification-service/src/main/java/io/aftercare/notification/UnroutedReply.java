package io.aftercare.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A text that answered a sender from which no clinic ever texted the number: it belongs to no clinic, so it waits in
 * the operator's queue instead of going to a guess. The body is personal health information: never logged, shown only
 * to operators.
 */
@Entity
@Table(name = "unrouted_reply")
public class UnroutedReply extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "message_sid", nullable = false, unique = true)
    public String messageSid;

    @Column(nullable = false)
    public String phone;

    /** The number (or Messaging Service) the patient texted. */
    public String sender;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public boolean urgent;

    @Column(name = "urgent_reason")
    public String urgentReason;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "handled_at")
    public Instant handledAt;

    @Column(name = "handled_by")
    public String handledBy;

    @Column(name = "alerted_at")
    public Instant alertedAt;
}
