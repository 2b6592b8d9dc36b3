package io.aftercare.notification.rest;

import java.time.Instant;
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
import io.aftercare.notification.service.Inbox;
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

    public record ReplyView(UUID id, UUID bookingId, String bookingRef, String phone, String language, String body,
            Integer checkInScore, boolean urgent, String urgentReason, String state, Instant receivedAt,
            Instant handledAt, String handledBy, List<OtherBooking> otherBookings) {
    }

    public record InboxPage(List<ReplyView> items, String nextCursor) {
    }

    /** An answer to the patient, by text: at most three segments. */
    public record StaffReply(@NotBlank @Size(max = 459) String text) {
    }

    public record Queued(UUID deliveryId, String status) {
    }

    private final Inbox inbox;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public InboxResource(Inbox inbox, SecurityIdentity identity, ObjectMapper json) {
        this.inbox = inbox;
        this.identity = identity;
        this.json = json;
    }

    @GET
    public InboxPage list(@PathParam("clinicId") String clinicId,
            @QueryParam("state") @DefaultValue("open") @Pattern(regexp = "open|handled", message = "must be open or handled") String state,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        authorize(clinicId);
        Inbox.Page page = inbox.page(clinicId, ReplyState.valueOf(state.toUpperCase(Locale.ROOT)), cursor, limit);
        return new InboxPage(page.items().stream().map(this::view).toList(), page.nextCursor());
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
        return new ReplyView(r.id, r.bookingId, r.bookingRef, r.phone, r.language, r.body, r.checkInScore, r.urgent,
                r.urgentReason, r.state.name().toLowerCase(Locale.ROOT), r.receivedAt, r.handledAt, r.handledBy,
                others(r.otherBookings));
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
