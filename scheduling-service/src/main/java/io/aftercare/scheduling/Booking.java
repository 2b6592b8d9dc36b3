package io.aftercare.scheduling;

import java.time.Instant;
import java.util.UUID;

/** A treatment a clinic's booking system told us about, the patient it is for, and where its plan stands. */
public final class Booking {
    public UUID id;
    public String clinicId;
    public String externalId;
    public Long sourceVersion;
    public String firstName;

    public String phone;

    public String email;
    public String locale;
    public String timeZone;
    public Channel preferredChannel;
    public boolean smsConsent;
    public boolean emailConsent;

    /** Consent to marketing messages (booking more sessions), recorded apart from consent to care messages. */
    public boolean marketingConsent;
    public boolean smsOptedOut;
    public String treatmentType;
    public Instant treatmentStart;
    public Instant treatmentEnd;
    public BookingStatus status;
    public PlanState planState;

    /** The guidance protocol version the current plan follows. */
    public Integer protocolVersion;
    public int planAttempts;
    public Instant nextPlanAt;
    public String planError;

    /** The latest check-in answer, 1 (fine) to 5 (much worse), as the patient replied to the check-in text. */
    public Integer checkInScore;
    public Instant checkInAt;
    public Instant createdAt;
    public Instant updatedAt;

    /** Whether a text may go to this patient: the clinic recorded consent and the patient has not said STOP. */
    public boolean canText() {
        return smsConsent && !smsOptedOut && phone != null;
    }

    public boolean canEmail() {
        return emailConsent && email != null;
    }
}
