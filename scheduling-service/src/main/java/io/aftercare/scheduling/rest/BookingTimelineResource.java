package io.aftercare.scheduling.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.aftercare.problem.NotFoundProblem;
import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.BookingStatus;
import io.aftercare.scheduling.PlanState;
import io.aftercare.scheduling.Priority;
import io.aftercare.scheduling.Reminder;
import io.aftercare.scheduling.ReminderState;
import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.security.ClinicIdentityProvider;
import io.aftercare.scheduling.service.BookingPlan;
import io.aftercare.scheduling.service.BookingService;

/**
 * One booking as the clinic's people read it (the console's patient timeline): the patient (number and email masked),
 * and every care moment ever planned for it, revoked ones too, each with the text and email it carries and when it was
 * planned. Moments planned later than the first plan are re-plans. Another clinic's booking ids are not found.
 */
@Path("/v1/clinics/{clinicId}/bookings/{externalId}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ClinicIdentityProvider.CLINIC)
public class BookingTimelineResource {

    public record Patient(String firstName, String phone, String email, String locale, String timeZone,
            String preferredChannel, boolean smsConsent, boolean emailConsent, boolean smsOptedOut) {
    }

    /** A care moment: {@code plannedAt} is when this row of the plan was made, {@code sms} its text. */
    public record Moment(UUID id, String ruleKey, int occurrence, String category, Priority priority,
            List<String> channels, Instant dueAt, LocalDateTime dueLocal, Instant expiresAt, ReminderState state,
            Instant plannedAt, Instant dispatchedAt, String sms, String emailSubject, String emailBody) {
    }

    public record Timeline(UUID id, String externalId, BookingStatus status, String treatmentType,
            Instant treatmentStart, Instant treatmentEnd, PlanState planState, Integer protocolVersion,
            BookingResponse.CheckIn checkIn, Instant createdAt, Instant updatedAt, Patient patient,
            List<Moment> moments) {
    }

    private final BookingService bookings;
    private final ClinicAccess access;

    public BookingTimelineResource(BookingService bookings, ClinicAccess access) {
        this.bookings = bookings;
        this.access = access;
    }

    @GET
    public Timeline get(@PathParam("clinicId") String clinicId, @PathParam("externalId") String externalId) {
        access.require(clinicId);
        return bookings.find(clinicId, externalId)
                .map(BookingTimelineResource::timeline)
                .orElseThrow(() -> new NotFoundProblem("No booking " + externalId + " in this clinic."));
    }

    static Timeline timeline(BookingPlan plan) {
        Booking b = plan.booking();
        ZoneId zone = ZoneId.of(b.timeZone);
        List<Moment> moments = plan.reminders()
                .stream()
                .sorted(BookingResponse.PLAN_ORDER)
                .map(r -> moment(r, zone))
                .toList();
        Patient patient = new Patient(b.firstName, BookingQuery.mask(b.phone), BookingQuery.maskEmail(b.email),
                b.locale, b.timeZone, b.preferredChannel.name().toLowerCase(java.util.Locale.ROOT), b.smsConsent,
                b.emailConsent, b.smsOptedOut);
        return new Timeline(b.id, b.externalId, b.status, b.treatmentType, b.treatmentStart, b.treatmentEnd,
                b.planState, b.protocolVersion,
                b.checkInScore == null ? null : new BookingResponse.CheckIn(b.checkInScore, b.checkInAt), b.createdAt,
                b.updatedAt, patient, moments);
    }

    private static Moment moment(Reminder r, ZoneId zone) {
        return new Moment(r.id, r.ruleKey, r.occurrence, r.category, r.priority, Arrays.asList(r.channels.split(",")),
                r.dueAt, LocalDateTime.ofInstant(r.dueAt, zone), r.expiresAt, r.state, r.createdAt, r.dispatchedAt,
                r.smsText, r.emailSubject, r.emailBody);
    }
}
