package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.problem.Problem.FieldError;
import io.aftercare.problem.UnprocessableException;
import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.PlanState;
import io.aftercare.scheduling.client.GuidancePlanner;
import io.aftercare.scheduling.metrics.SchedulingMetrics;
import io.aftercare.scheduling.repository.BookingRepository;
import io.aftercare.scheduling.repository.ReminderRepository;

/** Creates and updates bookings and keeps their reminder plan in step, in one transaction. */
@ApplicationScoped
public class BookingService {

    private static final Logger LOG = Logger.getLogger(BookingService.class);

    private final BookingRepository bookings;
    private final ReminderRepository reminders;
    private final PlanApplier planner;
    private final SchedulingMetrics metrics;
    private final Clock clock;

    public BookingService(BookingRepository bookings, ReminderRepository reminders, PlanApplier planner,
            SchedulingMetrics metrics, Clock clock) {
        this.bookings = bookings;
        this.reminders = reminders;
        this.planner = planner;
        this.metrics = metrics;
        this.clock = clock;
    }

    public record UpsertResult(boolean created, BookingPlan plan) {
    }

    /**
     * Creates or updates the booking. The same request again changes nothing and answers the same; an older
     * {@code sourceVersion} than the stored one is a conflict; a treatment guidance does not know is refused, and
     * nothing is stored. When guidance cannot be reached the booking is kept in state planning.
     */
    @Transactional
    public UpsertResult upsert(String clinicId, String externalId, BookingDetails request) {
        bookings.lockBookingKey(clinicId, externalId);
        Instant now = clock.instant();
        Optional<Booking> existing = bookings.findByClinicAndExternalId(clinicId, externalId);
        existing.ifPresent(booking -> refuseStale(booking, request, metrics));
        Booking booking = existing.orElseGet(() -> newBooking(clinicId, externalId, now));
        boolean planChanges = existing.isEmpty() || changesPlan(booking, request);
        if (existing.isPresent() && !planChanges && !Objects.equals(booking.sourceVersion, request.sourceVersion())
                && request.sourceVersion() != null) {
            booking.sourceVersion = request.sourceVersion();
        }
        if (planChanges) {
            apply(booking, request);
            booking.updatedAt = now;
            if (existing.isEmpty()) {
                bookings.persist(booking);
            }
            GuidancePlanner.Outcome outcome = planner.replan(booking, now);
            if (outcome instanceof GuidancePlanner.UnknownTreatment) {
                metrics.booking("unknown-treatment");
                throw new UnprocessableException("Unknown treatment",
                        "There is no aftercare protocol for treatment " + booking.treatmentType + ".",
                        List.of(new FieldError("treatment.type", "is not a treatment with an aftercare protocol")));
            }
        }
        String outcome = existing.isEmpty() ? "created" : planChanges ? "updated" : "unchanged";
        metrics.booking(outcome);
        LOG.infof("booking %s of clinic %s %s (status %s, plan %s)", booking.id, clinicId, outcome, booking.status,
                booking.planState);
        return new UpsertResult(existing.isEmpty(), new BookingPlan(booking, reminders.findByBooking(booking.id)));
    }

    @Transactional
    public Optional<BookingPlan> find(String clinicId, String externalId) {
        return bookings.findByClinicAndExternalId(clinicId, externalId)
                .map(booking -> new BookingPlan(booking, reminders.findByBooking(booking.id)));
    }

    private static void refuseStale(Booking booking, BookingDetails request, SchedulingMetrics metrics) {
        if (request.sourceVersion() != null && booking.sourceVersion != null
                && request.sourceVersion() < booking.sourceVersion) {
            metrics.booking("conflict");
            throw new UnprocessableException(409, "Conflict",
                    "sourceVersion " + request.sourceVersion() + " is older than the stored "
                            + booking.sourceVersion + "; the newer update stands.",
                    List.of(new FieldError("sourceVersion", "is older than " + booking.sourceVersion)));
        }
    }

    private static Booking newBooking(String clinicId, String externalId, Instant now) {
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.clinicId = clinicId;
        booking.externalId = externalId;
        booking.planState = PlanState.PENDING;
        booking.createdAt = now;
        booking.updatedAt = now;
        return booking;
    }

    private static boolean changesPlan(Booking booking, BookingDetails request) {
        return booking.status != request.status()
                || !booking.treatmentStart.equals(request.treatmentStart())
                || !booking.treatmentEnd.equals(request.treatmentEnd())
                || !booking.treatmentType.equals(request.treatmentType())
                || !booking.timeZone.equals(request.timeZone()) || !booking.locale.equals(request.locale())
                || !booking.firstName.equals(request.firstName()) || !Objects.equals(booking.phone, request.phone())
                || !Objects.equals(booking.email, request.email())
                || booking.preferredChannel != request.preferredChannel()
                || booking.smsConsent != request.smsConsent() || booking.emailConsent != request.emailConsent()
                || booking.marketingConsent != request.marketingConsent()
                || booking.planState == PlanState.FAILED;
    }

    private static void apply(Booking booking, BookingDetails request) {
        booking.sourceVersion = request.sourceVersion();
        booking.firstName = request.firstName();
        booking.phone = request.phone();
        booking.email = request.email();
        booking.locale = request.locale();
        booking.timeZone = request.timeZone();
        booking.preferredChannel = request.preferredChannel();
        booking.smsConsent = request.smsConsent();
        booking.emailConsent = request.emailConsent();
        booking.marketingConsent = request.marketingConsent();
        booking.treatmentType = request.treatmentType();
        booking.treatmentStart = request.treatmentStart();
        booking.treatmentEnd = request.treatmentEnd();
        booking.status = request.status();
    }
}
