package io.aftercare.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of a {@code replies-handled} CloudEvent (contracts/schemas/reply-handled.schema.json): a reply announced on
 * {@code patient-replies} was marked handled in its clinic's inbox, by hand or by answering it. Notification writes it,
 * scheduling reads it to keep the ops page's counts of open and urgent replies. Like {@link PatientReplied} it carries
 * no text, and not who handled it (the audit trail at notification says that).
 *
 * @param urgent whether the reply was urgent, so that a reader that has not seen the reply yet still counts it right
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientReplyHandled(UUID replyId, String clinicId, UUID bookingId, boolean urgent, Instant handledAt) {

    public static final String TYPE = "io.aftercare.patient.reply.handled.v1";
}
