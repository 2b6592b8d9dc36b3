package io.aftercare.scheduling.rest;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aftercare.problem.Problem.FieldError;
import io.aftercare.problem.UnprocessableException;
import io.aftercare.scheduling.Reminder;
import io.aftercare.scheduling.ReminderState;
import io.aftercare.scheduling.repository.ReminderRepository;
import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.security.ClinicIdentityProvider;

/** A clinic's reminders across bookings, by due time, a page at a time with an opaque cursor. */
@Path("/v1/clinics/{clinicId}/reminders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicIdentityProvider.CLINIC)
public class ReminderResource {

    public record ReminderItem(UUID id, UUID bookingId, String bookingRef, String ruleKey, int occurrence,
            Instant dueAt, Instant expiresAt, ReminderState state) {
    }

    public record ReminderPage(List<ReminderItem> items, String nextCursor) {
    }

    private final ReminderRepository reminders;
    private final ClinicAccess access;

    public ReminderResource(ReminderRepository reminders, ClinicAccess access) {
        this.reminders = reminders;
        this.access = access;
    }

    @GET
    @Transactional
    public ReminderPage list(@PathParam("clinicId") String clinicId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("state") String state, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        access.require(clinicId);
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        ReminderState stateFilter = state(state);
        Cursor after = Cursor.decode(cursor);
        List<ReminderRepository.Listed> page = reminders.page(clinicId, fromInstant, toInstant, stateFilter,
                after == null ? null : after.dueAt(), after == null ? null : after.id(), limit + 1);
        boolean more = page.size() > limit;
        List<ReminderRepository.Listed> shown = more ? page.subList(0, limit) : page;
        Reminder last = shown.isEmpty() ? null : shown.get(shown.size() - 1).reminder();
        String next = more ? new Cursor(last.dueAt, last.id).encode() : null;
        return new ReminderPage(shown.stream()
                .map(listed -> item(listed.reminder(), listed.bookingExternalId()))
                .toList(), next);
    }

    private static ReminderItem item(Reminder r, String bookingExternalId) {
        return new ReminderItem(r.id, r.bookingId, bookingExternalId, r.ruleKey, r.occurrence, r.dueAt, r.expiresAt,
                r.state);
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw invalid(field, "must be an ISO-8601 date-time with offset, such as 2026-03-07T00:00:00Z");
        }
    }

    private static ReminderState state(String value) {
        if (value == null) {
            return null;
        }
        for (ReminderState candidate : ReminderState.values()) {
            if (candidate.name().equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw invalid("state", "must be one of planned, dispatched, revoked, expired");
    }

    static UnprocessableException invalid(String field, String message) {
        return new UnprocessableException(400, "Invalid request", "The request has 1 invalid field(s).",
                List.of(new FieldError(field, message)));
    }

    /** Where a page ended: the (due time, id) of its last row, base64url so that clients treat it as opaque. */
    record Cursor(Instant dueAt, UUID id) {

        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((dueAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            if (cursor == null) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw invalid("cursor", "is not a cursor this API gave out");
            }
        }
    }
}
