package io.aftercare.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A text a patient sent us that was not a keyword, filed under the booking whose text they answered: an entry of the
 * clinic's inbox. The body is personal health information: never logged, shown only to its clinic and to operators.
 */
public final class PatientReply {

    public UUID id;
    public String messageSid;
    public String clinicId;
    public UUID bookingId;
    public String bookingRef;
    public String phone;

    /** The language of the patient's texts, for answers. */
    public String language;
    public String body;

    /** Other bookings of the same clinic for this number, as a JSON array of {@code {bookingId, bookingRef}}. */
    public String otherBookings;

    /** The answer to the check-in question, 1 (fine) to 5 (much worse), when the reply was one. */
    public Integer checkInScore;
    public boolean urgent;
    public String urgentReason;
    public ReplyState state;
    public Instant receivedAt;
    public Instant handledAt;
    public String handledBy;

    /** The person of the clinic who took it on ("assign to me"), as their token names them. */
    public String assignedTo;
    public Instant assignedAt;

    /** When the entry last changed (filed, assigned, handled): what the console's live view asks for. */
    public Instant updatedAt;

    /** When the automatic "we've told your clinic" answer was queued; once per urgent conversation. */
    public Instant answeredAt;
    public Instant alertedAt;
    public int alertAttempts;
}
