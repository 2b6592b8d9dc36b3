package io.aftercare.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A text a patient sent us that was not a keyword, filed under the booking whose text they answered: an entry of the
 * clinic's inbox. The body is personal health information: never logged, shown only to its clinic and to operators.
 */
@Entity
@Table(name = "patient_reply")
public class PatientReply extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "message_sid", nullable = false, unique = true)
    public String messageSid;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "booking_id", nullable = false)
    public UUID bookingId;

    @Column(name = "booking_ref")
    public String bookingRef;

    @Column(nullable = false)
    public String phone;

    /** The language of the patient's texts, for answers. */
    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String body;

    /** Other bookings of the same clinic for this number, as a JSON array of {@code {bookingId, bookingRef}}. */
    @Column(name = "other_bookings", nullable = false)
    public String otherBookings;

    /** The answer to the check-in question, 1 (fine) to 5 (much worse), when the reply was one. */
    @Column(name = "check_in_score")
    public Integer checkInScore;

    @Column(nullable = false)
    public boolean urgent;

    @Column(name = "urgent_reason")
    public String urgentReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReplyState state;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "handled_at")
    public Instant handledAt;

    @Column(name = "handled_by")
    public String handledBy;

    /** The person of the clinic who took it on ("assign to me"), as their token names them. */
    @Column(name = "assigned_to")
    public String assignedTo;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** When the entry last changed (filed, assigned, handled): what the console's live view asks for. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When the automatic "we've told your clinic" answer was queued; once per urgent conversation. */
    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "alerted_at")
    public Instant alertedAt;

    @Column(name = "alert_attempts", nullable = false)
    public int alertAttempts;

    /** A reply is filed unchanged: it last changed when it arrived. */
    @PrePersist
    void filed() {
        if (updatedAt == null) {
            updatedAt = receivedAt;
        }
    }
}
