package io.aftercare.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of a {@code patient-replies} CloudEvent (contracts/schemas/patient-replied.schema.json): a patient wrote
 * back, filed in their clinic's inbox. Notification writes it, scheduling reads it. It carries no text: the body is
 * personal health information and stays in the inbox, behind the clinic's login.
 *
 * @param checkInScore the check-in answer, 1 (fine) to 5 (much worse), or null when the reply was not one
 * @param urgentReason why the reply is urgent (a score of 4 or 5, red-flag words), or null when it is not
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientReplied(UUID replyId, String clinicId, UUID bookingId, String bookingRef, String language,
        Integer checkInScore, boolean urgent, String urgentReason, Instant receivedAt) {

    public static final String TYPE = "io.aftercare.patient.replied.v1";
}
