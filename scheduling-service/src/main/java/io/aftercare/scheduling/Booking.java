package io.aftercare.scheduling;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A treatment a clinic's booking system told us about, the patient it is for, and where its plan stands. */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "source_version")
    public Long sourceVersion;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    public String phone;

    public String email;

    @Column(nullable = false)
    public String locale;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel", nullable = false)
    public Channel preferredChannel;

    @Column(name = "sms_consent", nullable = false)
    public boolean smsConsent;

    @Column(name = "email_consent", nullable = false)
    public boolean emailConsent;

    /** Consent to marketing messages (booking more sessions), recorded apart from consent to care messages. */
    @Column(name = "marketing_consent", nullable = false)
    public boolean marketingConsent;

    @Column(name = "sms_opted_out", nullable = false)
    public boolean smsOptedOut;

    @Column(name = "treatment_type", nullable = false)
    public String treatmentType;

    @Column(name = "treatment_start", nullable = false)
    public Instant treatmentStart;

    @Column(name = "treatment_end", nullable = false)
    public Instant treatmentEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BookingStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "plan_state", nullable = false)
    public PlanState planState;

    /** The guidance protocol version the current plan follows. */
    @Column(name = "protocol_version")
    public Integer protocolVersion;

    @Column(name = "plan_attempts", nullable = false)
    public int planAttempts;

    @Column(name = "next_plan_at")
    public Instant nextPlanAt;

    @Column(name = "plan_error")
    public String planError;

    /** The latest check-in answer, 1 (fine) to 5 (much worse), as the patient replied to the check-in text. */
    @Column(name = "check_in_score")
    public Integer checkInScore;

    @Column(name = "check_in_at")
    public Instant checkInAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether a text may go to this patient: the clinic recorded consent and the patient has not said STOP. */
    public boolean canText() {
        return smsConsent && !smsOptedOut && phone != null;
    }

    public boolean canEmail() {
        return emailConsent && email != null;
    }
}
