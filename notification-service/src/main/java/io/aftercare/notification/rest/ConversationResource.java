package io.aftercare.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aftercare.notification.PatientReply;
import io.aftercare.notification.repository.BookingConversations;
import io.aftercare.notification.repository.OptOutRepository;
import io.aftercare.notification.security.ForwardedClinicAuthentication;
import io.aftercare.notification.service.ClinicSenders;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.Problem.FieldError;
import io.aftercare.problem.UnprocessableException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * One booking's conversation with its patient (the console's timeline): every reply filed under it, handled or not,
 * with check-in scores and red flags, and the opt-outs in force that stop the clinic's texts to the patient. A clinic
 * sees its own bookings'; the operator any clinic's. A booking the clinic has nothing of here (no delivery, number,
 * conversation or reply) answers 404, whether it is another clinic's or no booking at all: the two must look alike.
 * A booking of the clinic that nothing was sent for yet is such a booking too; the console, which found it in
 * scheduling first, reads that 404 as an empty conversation. Replies are personal health information: each read is in
 * the audit trail.
 */
@Path("/v1/clinics/{clinicId}/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ForwardedClinicAuthentication.CLINIC, ForwardedClinicAuthentication.OPERATOR})
public class ConversationResource {

    public record ReplyView(UUID id, String body, String language, Integer checkInScore, boolean urgent,
            String urgentReason, String state, Instant receivedAt, Instant handledAt, String handledBy) {
    }

    /** @param everySender whether it stops every sender (STOP before senders were named), not only this clinic's */
    public record OptOutView(String channel, String keyword, boolean everySender, Instant since) {
    }

    public record Conversation(UUID bookingId, List<ReplyView> replies, List<OptOutView> optOuts) {
    }

    private final BookingConversations conversations;
    private final ClinicSenders senders;
    private final SecurityIdentity identity;

    public ConversationResource(BookingConversations conversations, ClinicSenders senders,
            SecurityIdentity identity) {
        this.conversations = conversations;
        this.senders = senders;
        this.identity = identity;
    }

    @GET
    @Transactional
    public Conversation ofBooking(@PathParam("clinicId") String clinicId, @QueryParam("bookingId") String bookingId) {
        if (!identity.hasRole(ForwardedClinicAuthentication.OPERATOR)
                && !identity.getPrincipal().getName().equals(clinicId)) {
            throw new ForbiddenException("a clinic sees only its own conversations");
        }
        UUID booking = bookingId(bookingId);
        if (!conversations.known(clinicId, booking)) {
            throw new NotFoundProblem("No booking " + booking + " in clinic " + clinicId + ".");
        }
        List<ReplyView> replies = conversations.replies(clinicId, booking).stream()
                .map(ConversationResource::view)
                .toList();
        List<OptOutView> optOuts = conversations.optOuts(clinicId, booking, senders.smsFrom(clinicId))
                .stream()
                .map(o -> new OptOutView(o.channel().toLowerCase(Locale.ROOT), o.keyword(),
                        OptOutRepository.EVERY_SENDER.equals(o.sender()), o.since()))
                .toList();
        return new Conversation(booking, replies, optOuts);
    }

    private static ReplyView view(PatientReply r) {
        return new ReplyView(r.id, r.body, r.language, r.checkInScore, r.urgent, r.urgentReason,
                r.state.name().toLowerCase(Locale.ROOT), r.receivedAt, r.handledAt, r.handledBy);
    }

    private static UUID bookingId(String value) {
        try {
            if (value != null) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new UnprocessableException(400, "Invalid request", "The request has 1 invalid field(s).",
                List.of(new FieldError("bookingId", "is required: the booking's id (a UUID)")));
    }
}
