package io.aftercare.scheduling.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.scheduling.client.GuidancePlanner;
import io.aftercare.scheduling.client.PlanRequest;
import io.aftercare.scheduling.metrics.SchedulingMetrics;
import io.aftercare.scheduling.repository.BookingLooks;
import io.aftercare.scheduling.repository.BookingLooks.Look;
import io.aftercare.scheduling.repository.BookingRepository;
import io.aftercare.scheduling.repository.ReminderRepository;

/**
 * Creates and updates bookings and keeps their reminder plan in step. Guidance is asked first, outside any
 * transaction; then {@link BookingWriter} stores the booking and its plan in one short transaction under the booking's
 * lock. A booking lock held across an HTTP call would make every update of that booking, and the connection pool, wait
 * on guidance.
 */
@ApplicationScoped
public class BookingService {

    private final BookingRepository bookings;
    private final BookingLooks looks;
    private final ReminderRepository reminders;
    private final BookingWriter writer;
    private final GuidancePlanner guidance;
    private final SchedulingMetrics metrics;

    public BookingService(BookingRepository bookings, BookingLooks looks, ReminderRepository reminders,
            BookingWriter writer, GuidancePlanner guidance, SchedulingMetrics metrics) {
        this.bookings = bookings;
        this.looks = looks;
        this.reminders = reminders;
        this.writer = writer;
        this.guidance = guidance;
        this.metrics = metrics;
    }

    public record UpsertResult(boolean created, BookingPlan plan) {
    }

    /**
     * Creates or updates the booking. The same request again changes nothing and answers the same; an older
     * {@code sourceVersion} than the stored one is a conflict; a treatment guidance does not know is refused, and
     * nothing is stored. When guidance cannot be reached the booking is kept in state planning.
     */
    public UpsertResult upsert(String clinicId, String externalId, BookingDetails request) {
        // A first look without a lock, only to decide whether guidance must be asked; the writer decides again under
        // the lock.
        Optional<Look> seen = looks.look(clinicId, externalId);
        seen.ifPresent(booking -> BookingWriter.refuseStale(booking, request, metrics));
        boolean needsPlan = request.status().wantsReminders()
                && (seen.isEmpty() || BookingWriter.changesPlan(seen.get(), request));
        GuidancePlanner.Outcome plan = needsPlan ? plan(clinicId, request) : null;
        return writer.write(clinicId, externalId, request, plan)
                // The booking changed between the look and the lock (a racing update), and now needs the plan that
                // was not fetched: fetch it, still outside the lock, and write again. With a plan in hand the second
                // write never comes back empty.
                .or(() -> writer.write(clinicId, externalId, request, plan(clinicId, request)))
                .orElseThrow();
    }

    @Transactional
    public Optional<BookingPlan> find(String clinicId, String externalId) {
        return bookings.findByClinicAndExternalId(clinicId, externalId)
                .map(booking -> new BookingPlan(booking, reminders.findByBooking(booking.id)));
    }

    private GuidancePlanner.Outcome plan(String clinicId, BookingDetails request) {
        GuidancePlanner.Outcome outcome = guidance.plan(new PlanRequest(clinicId, request.treatmentType(),
                request.treatmentEnd(), request.timeZone(), request.locale(), request.firstName(),
                request.marketingConsent()));
        if (outcome instanceof GuidancePlanner.UnknownTreatment) {
            // Refused before any lock is taken; nothing is stored.
            throw BookingWriter.unknownTreatment(request.treatmentType(), metrics);
        }
        return outcome;
    }
}
