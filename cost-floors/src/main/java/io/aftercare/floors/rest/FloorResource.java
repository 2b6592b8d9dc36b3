package io.aftercare.floors.rest;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aftercare.floors.model.BookingBody;
import io.aftercare.floors.model.DispatchOutcome;
import io.aftercare.floors.model.TextsRequest;
import io.aftercare.floors.repository.FloorBookings;
import io.aftercare.floors.service.Dispatcher;
import io.aftercare.floors.service.TextSender;

/**
 * The three units of work the cost benchmark measures, each done the barest way. No authentication: a benchmark tool
 * on the loopback interface, never deployed (the benchmark's note says so). Bookings go straight to the repository:
 * the floor has no booking rules for a service layer to hold.
 */
@Path("/floor")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FloorResource {

    private final FloorBookings bookings;
    private final Dispatcher dispatcher;
    private final TextSender texts;

    public FloorResource(FloorBookings bookings, Dispatcher dispatcher, TextSender texts) {
        this.bookings = bookings;
        this.dispatcher = dispatcher;
        this.texts = texts;
    }

    /** {@code {"count": N}}. */
    public record DispatchRequest(Integer count) {
    }

    @PUT
    @Path("/clinics/{clinicId}/bookings/{externalId}")
    public Response putBooking(@PathParam("clinicId") String clinicId, @PathParam("externalId") String externalId,
            BookingBody body) throws SQLException {
        if (body == null) {
            throw new BadRequestException("a booking body is required");
        }
        List<String> problems = body.problems();
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        UUID id = bookings.save(clinicId, externalId, body);
        return Response.status(Response.Status.CREATED).entity(Map.of("id", id)).build();
    }

    /** 200 once {@code count} were sent; 504 past the bound, 502 when the broker refused a batch. */
    @POST
    @Path("/dispatch")
    public Response dispatch(DispatchRequest request) throws SQLException, InterruptedException {
        if (request == null || request.count() == null || request.count() < 0) {
            throw new BadRequestException("count: a number of reminders, 0 or more, is required");
        }
        DispatchOutcome outcome = dispatcher.dispatch(request.count());
        if (outcome.complete()) {
            return Response.ok(Map.of("sent", outcome.sent())).build();
        }
        if (outcome.error() != null) {
            return Response.status(Response.Status.BAD_GATEWAY)
                    .entity(Map.of("sent", outcome.sent(), "error", outcome.error()))
                    .build();
        }
        return Response.status(Response.Status.GATEWAY_TIMEOUT).entity(Map.of("sent", outcome.sent())).build();
    }

    @POST
    @Path("/texts")
    public Map<String, Integer> texts(TextsRequest request) {
        if (request == null || !request.complete()) {
            throw new BadRequestException(
                    "url (http or https), accountSid, authToken, from, count >= 0 and perSecond > 0 are required");
        }
        TextSender.Outcome outcome = texts.send(request);
        return Map.of("accepted", outcome.accepted(), "failed", outcome.failed());
    }
}
