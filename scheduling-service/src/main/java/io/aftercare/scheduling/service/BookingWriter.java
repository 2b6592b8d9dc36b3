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
import io.aftercare.scheduling.Reminder;
import io.aftercare.scheduling.client.GuidancePlanner;
import io.aftercare.scheduling.metrics.SchedulingMetrics;
import io.aftercare.scheduling.repository.BookingLooks;
import io.aftercare.scheduling.repository.BookingLooks.Look;
import io.aftercare.scheduling.repository.BookingRepository;
import io.aftercare.scheduling.repository.NewBookingRows;
import io.aftercare.scheduling.repository.ReminderRepository;
import io.aftercare.scheduling.service.BookingService.UpsertResult;

/**
 * The short transaction of a booking's create-or-update: under the booking's lock it reads the booking again, refuses
 * a stale update, and applies a plan that was fetched from guidance before the lock was taken. It never calls
 * guidance, so a slow guidance never holds a lock or a database connection. A new booking's rows are written in plain
 * JDBC ({@link NewBookingRows}); a booking that exists is read whole and written back by an explicit UPDATE.
 */
@ApplicationScoped
public class BookingWriter {

    private static final Logger LOG = Logger.getLogger(BookingWriter.class);

    private final BookingRepository bookings;
    private final BookingLooks looks;
    private final NewBookingRows newRows;
    private final ReminderRepository reminders;
    private final PlanApplier planner;
    private final SchedulingMetrics metrics;
    private final Clock clock;

    public BookingWriter(BookingRepository bookings, BookingLooks looks, NewBookingRows newRows,
            ReminderRepository reminders, PlanApplier planner, SchedulingMetrics metrics, Clock clock) {
        this.bookings = bookings;
        this.looks = looks;
        this.newRows = newRows;
        this.reminders = reminders;
        this.planner = planner;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param plan guidance's outcome for the request's details, or null if it was not fetched
     * @return empty, having changed nothing, when the booking needs a plan and none was fetched: the booking changed
     *         since the caller decided none was needed
     */
    @Transactional
    public Optional<UpsertResult> write(String clinicId, String externalId, BookingDetails request,
            GuidancePlanner.Outcome plan) {
        Optional<Look> existing = looks.lockAndLook(clinicId, externalId);
        existing.ifPresent(look -> refuseStale(look, request, metrics));
        boolean planChanges = existing.isEmpty() || changesPlan(existing.get(), request);
        if (planChanges && request.status().wantsReminders() && plan == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        BookingPlan written = existing.isEmpty()
                ? create(clinicId, externalId, request, plan, now)
                : update(existing.get().id(), request, plan, planChanges, now);
        Booking booking = written.booking();
        String outcome = existing.isEmpty() ? "created" : planChanges ? "updated" : "unchanged";
        metrics.booking(outcome);
        LOG.infof("booking %s of clinic %s %s (status %s, plan %s)", booking.id, clinicId, outcome, booking.status,
                booking.planState);
        return Optional.of(new UpsertResult(existing.isEmpty(), written));
    }

    /** A booking no one stored yet: it and its reminders are written in one round trip. */
    private BookingPlan create(String clinicId, String externalId, BookingDetails request,
            GuidancePlanner.Outcome plan, Instant now) {
        Booking booking = newBooking(clinicId, externalId, now);
        apply(booking, request);
        if (plan instanceof GuidancePlanner.UnknownTreatment) {
            throw unknownTreatment(booking.treatmentType, metrics);
        }
        List<Reminder> laid = planner.applyToNew(booking, plan, now);
        newRows.insert(booking, laid);
        return new BookingPlan(booking, laid);
    }

    private BookingPlan update(UUID id, BookingDetails request, GuidancePlanner.Outcome plan, boolean planChanges,
            Instant now) {
        Booking booking = bookings.findById(id)
                .orElseThrow(() -> new IllegalStateException("booking " + id + " is gone under its lock"));
        if (!planChanges) {
            if (request.sourceVersion() != null && !Objects.equals(booking.sourceVersion, request.sourceVersion())) {
                booking.sourceVersion = request.sourceVersion();
                bookings.updateSourceVersion(booking.id, booking.sourceVersion);
            }
        } else {
            apply(booking, request);
            booking.updatedAt = now;
            if (plan instanceof GuidancePlanner.UnknownTreatment) {
                throw unknownTreatment(booking.treatmentType, metrics);
            }
            planner.apply(booking, plan, now);
        }
        return new BookingPlan(booking, reminders.findByBooking(booking.id));
    }

    static UnprocessableException unknownTreatment(String treatment, SchedulingMetrics metrics) {
        metrics.booking("unknown-treatment");
        return new UnprocessableException("Unknown treatment",
                "There is no aftercare protocol for treatment " + treatment + ".",
                List.of(new FieldError("treatment.type", "is not a treatment with an aftercare protocol")));
    }

    static void refuseStale(Look booking, BookingDetails request, SchedulingMetrics metrics) {
        if (request.sourceVersion() != null && booking.sourceVersion() != null
                && request.sourceVersion() < booking.sourceVersion()) {
            metrics.booking("conflict");
            throw new UnprocessableException(409, "Conflict",
                    "sourceVersion " + request.sourceVersion() + " is older than the stored "
                            + booking.sourceVersion() + "; the newer update stands.",
                    List.of(new FieldError("sourceVersion", "is older than " + booking.sourceVersion())));
        }
    }

    static boolean changesPlan(Look booking, BookingDetails request) {
        return booking.status() != request.status()
                || !booking.treatmentStart().equals(request.treatmentStart())
                || !booking.treatmentEnd().equals(request.treatmentEnd())
                || !booking.treatmentType().equals(request.treatmentType())
                || !booking.timeZone().equals(request.timeZone()) || !booking.locale().equals(request.locale())
                || !booking.firstName().equals(request.firstName())
                || !Objects.equals(booking.phone(), request.phone())
                || !Objects.equals(booking.email(), request.email())
                || booking.preferredChannel() != request.preferredChannel()
                || booking.smsConsent() != request.smsConsent() || booking.emailConsent() != request.emailConsent()
                || booking.marketingConsent() != request.marketingConsent()
                || booking.planState() == PlanState.FAILED;
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
