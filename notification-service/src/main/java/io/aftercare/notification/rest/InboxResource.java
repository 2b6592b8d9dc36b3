package io.aftercare.notification.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.notification.PatientReply;
import io.aftercare.notification.ReplyState;
import io.aftercare.notification.security.ForwardedClinicAuthentication;
import io.aftercare.notification.security.Masking;
import io.aftercare.notification.service.Conversations;
import io.aftercare.notification.service.Inbox;
import io.aftercare.notification.service.PatientNames;
import io.aftercare.problem.Problem;
import io.aftercare.problem.UnprocessableException;
import io.aftercare.security.PersonIdentity;
import io.aftercare.security.PersonPrincipal;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A clinic's inbox of patients' replies. A clinic sees only its own; an operator sees any clinic's. Replies are
 * personal health information: this is the only way to read them.
 */
@Path("/v1/clinics/{clinicId}/inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ForwardedClinicAuthentication.CLINIC, ForwardedClinicAuthentication.OPERATOR})
public class InboxResource {

    public record OtherBooking(UUID bookingId, String bookingRef) {
    }

    /**
     * @param assignedTo the person who took it on ("assign to me"), as their token named them
     * @param firstName the patient's, from the booking's newest reminder (in lists, one-by-one reads and conversations)
     */
    public record ReplyView(UUID id, UUID bookingId, String bookingRef, String phone, String language, String body,
            Integer checkInScore, boolean urgent, String urgentReason, String state, Instant receivedAt,
            Instant handledAt, String handledBy, List<OtherBooking> otherBookings, String assignedTo,
            Instant assignedAt, Instant updatedAt, String firstName) {
    }

    /** A reply with its conversation: the patient's first name, the number masked, every text both ways. */
    public record ConversationView(ReplyView reply, String firstName, String phoneMasked,
            List<Conversations.Message> messages) {
    }

    /**
     * A reply that changed, without a word of the patient's: the console's live view polls these and fetches the
     * entries it shows through the audited reads.
     */
    public record Change(UUID id, String state, boolean urgent, Instant receivedAt, Instant updatedAt,
            String assignedTo, String handledBy) {
    }

    /** @param asOf ask again with {@code since} a little before this */
    public record Changes(Instant asOf, long open, long urgentOpen, List<Change> items) {
    }

    public record InboxPage(List<ReplyView> items, String nextCursor) {
    }

    /** An answer to the patient, by text: at most three segments. */
    public record StaffReply(@NotBlank @Size(max = 459) String text) {
    }

    public record Queued(UUID deliveryId, String status) {
    }

    private final Inbox inbox;
    private final Conversations conversations;
    private final PatientNames names;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Clock clock;

    public InboxResource(Inbox inbox, Conversations conversations, PatientNames names, SecurityIdentity identity,
            ObjectMapper json, Clock clock) {
        this.inbox = inbox;
        this.conversations = conversations;
        this.names = names;
        this.identity = identity;
        this.json = json;
        this.clock = clock;
    }

    @GET
    public InboxPage list(@PathParam("clinicId") String clinicId,
            @QueryParam("state") @DefaultValue("open") @Pattern(regexp = "open|handled", message = "must be open or handled") String state,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @QueryParam("order") @DefaultValue("newest") @Pattern(regexp = "newest|urgent", message = "must be newest or urgent") String order) {
        authorize(clinicId);
        Inbox.Page page = inbox.page(clinicId, ReplyState.valueOf(state.toUpperCase(Locale.ROOT)), cursor, limit,
                "urgent".equals(order));
        Map<UUID, String> firstNames = names.of(clinicId, page.items().stream().map(r -> r.bookingId).toList());
        return new InboxPage(page.items().stream().map(r -> view(r, firstNames.get(r.bookingId))).toList(),
                page.nextCursor());
    }

    /** Ids, states and times of the entries changed after {@code since}, and the open counts: no patient's words. */
    @GET
    @Path("/changes")
    public Changes changes(@PathParam("clinicId") String clinicId, @QueryParam("since") @Size(max = 40) String after,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(500) int limit) {
        authorize(clinicId);
        Instant since = instant(after);
        Instant asOf = clock.instant();
        Inbox.Counts counts = inbox.openCounts(clinicId);
        List<Change> items = since == null
                ? List.of()
                : inbox.changedSince(clinicId, since, limit).stream()
                        .map(r -> new Change(r.id, lower(r.state), r.urgent, r.receivedAt, r.updatedAt, r.assignedTo,
                                r.handledBy))
                        .toList();
        return new Changes(asOf, counts.open(), counts.urgentOpen(), items);
    }

    @GET
    @Path("/{replyId}")
    public ReplyView one(@PathParam("clinicId") String clinicId, @PathParam("replyId") UUID replyId) {
        authorize(clinicId);
        PatientReply reply = inbox.one(clinicId, replyId);
        return view(reply, names.of(clinicId, List.of(reply.bookingId)).get(reply.bookingId));
    }

    /** The texts of the reply's booking both ways, first to last, and the patient's first name. */
    @GET
    @Path("/{replyId}/conversation")
    public ConversationView conversation(@PathParam("clinicId") String clinicId, @PathParam("replyId") UUID replyId) {
        authorize(clinicId);
        Conversations.Conversation found = conversations.of(clinicId, replyId);
        return new ConversationView(view(found.reply(), found.firstName()), found.firstName(),
                Masking.phone(found.reply().phone),
                found.messages());
    }

    /** Assigns the reply to the caller: the person their token names. */
    @POST
    @Path("/{replyId}/assign")
    public ReplyView assign(@PathParam("clinicId") String clinicId, @PathParam("replyId") UUID replyId) {
        authorize(clinicId);
        return view(inbox.assign(clinicId, replyId, actor()));
    }

    @POST
    @Path("/{replyId}/handled")
    public ReplyView handled(@PathParam("clinicId") String clinicId, @PathParam("replyId") UUID replyId) {
        authorize(clinicId);
        return view(inbox.handled(clinicId, replyId, actor()));
    }

    /** Queues the text; its delivery appears among the booking's deliveries with rule {@code staff-reply}. */
    @POST
    @Path("/{replyId}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reply(@PathParam("clinicId") String clinicId, @PathParam("replyId") UUID replyId,
            @Valid @NotNull StaffReply reply) {
        authorize(clinicId);
        UUID delivery = inbox.answer(clinicId, replyId, reply.text(), actor());
        return Response.accepted(new Queued(delivery, "pending")).build();
    }

    /** Who handled or answered: the person acting through the console by their id, else the clinic or operator. */
    private String actor() {
        return PersonIdentity.of(identity).map(PersonPrincipal::personId).orElse(identity.getPrincipal().getName());
    }

    private void authorize(String clinicId) {
        if (!identity.hasRole(ForwardedClinicAuthentication.OPERATOR)
                && !identity.getPrincipal().getName().equals(clinicId)) {
            throw new ForbiddenException("a clinic sees only its own inbox");
        }
    }

    private ReplyView view(PatientReply r) {
        return view(r, null);
    }

    private ReplyView view(PatientReply r, String firstName) {
        return new ReplyView(r.id, r.bookingId, r.bookingRef, r.phone, r.language, r.body, r.checkInScore, r.urgent,
                r.urgentReason, lower(r.state), r.receivedAt, r.handledAt, r.handledBy, others(r.otherBookings),
                r.assignedTo, r.assignedAt, r.updatedAt, firstName);
    }

    private static Instant instant(String since) {
        try {
            return since == null ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new UnprocessableException(400, "Bad Request", "since is not an instant.",
                    List.of(new Problem.FieldError("since",
                            "must be an ISO-8601 instant such as 2026-01-01T09:00:00Z")));
        }
    }

    private static String lower(ReplyState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private List<OtherBooking> others(String stored) {
        try {
            return json.readValue(stored, new TypeReference<List<Map<String, String>>>() {
            }).stream().map(m -> new OtherBooking(UUID.fromString(m.get("bookingId")), m.get("bookingRef"))).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored reply's other bookings are not JSON", e);
        }
    }
}
