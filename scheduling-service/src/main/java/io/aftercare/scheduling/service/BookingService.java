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

import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.Reminder;
import io.aftercare.scheduling.ReminderState;
import io.aftercare.scheduling.repository.BookingRepository;
import io.aftercare.scheduling.repository.ReminderRepository;
import io.aftercare.scheduling.rest.BookingRequest;
import io.aftercare.scheduling.rest.BookingResponse;
import io.aftercare.scheduling.rest.PatientRequest;

/** Creates and updates bookings and keeps their reminder plan in step, in one transaction. */
@ApplicationScoped
public class BookingService {

    private static final Logger LOG = Logger.getLogger(BookingService.class);

    private final BookingRepository bookings;
    private final ReminderRepository reminders;
    private final ReminderPlanner planner;
    private final Clock clock;

    public BookingService(BookingRepository bookings, ReminderRepository reminders, ReminderPlanner planner,
            Clock clock) {
        this.bookings = bookings;
        this.reminders = reminders;
        this.planner = planner;
        this.clock = clock;
    }

    public record UpsertResult(boolean created, BookingResponse booking) {
    }

    @Transactional
    public UpsertResult upsert(String clinicId, String externalId, BookingRequest request) {
        bookings.lockBookingKey(clinicId, externalId);
        Instant now = clock.instant();
        Optional<Booking> existing = bookings.findByClinicAndExternalId(clinicId, externalId);
        Booking booking = existing.orElseGet(() -> newBooking(clinicId, externalId, now));
        boolean planChanges = existing.isEmpty() || changesPlan(booking, request);
        apply(booking, request);
        if (existing.isEmpty()) {
            bookings.persist(booking);
        } else if (planChanges) {
            booking.updatedAt = now;
        }
        if (planChanges) {
            replan(booking, now);
        }
        LOG.infof("booking %s of clinic %s %s (status %s)", booking.id, clinicId,
                existing.isEmpty() ? "created" : planChanges ? "updated" : "unchanged", booking.status);
        return new UpsertResult(existing.isEmpty(), BookingResponse.of(booking, reminders.findByBooking(booking.id)));
    }

    @Transactional
    public Optional<BookingResponse> find(String clinicId, String externalId) {
        return bookings.findByClinicAndExternalId(clinicId, externalId)
                .map(booking -> BookingResponse.of(booking, reminders.findByBooking(booking.id)));
    }

    private static Booking newBooking(String clinicId, String externalId, Instant now) {
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.clinicId = clinicId;
        booking.externalId = externalId;
        booking.createdAt = now;
        booking.updatedAt = now;
        return booking;
    }

    private static boolean changesPlan(Booking booking, BookingRequest request) {
        PatientRequest patient = request.patient();
        return booking.status != request.status()
                || !booking.treatmentStart.equals(request.treatment().startsAt().toInstant())
                || !booking.treatmentEnd.equals(request.treatment().end().toInstant())
                || !booking.treatmentType.equals(request.treatment().type())
                || !booking.timeZone.equals(patient.timeZone()) || !booking.locale.equals(patient.locale())
                || !booking.firstName.equals(patient.firstName()) || !Objects.equals(booking.phone, patient.phone())
                || !Objects.equals(booking.email, patient.email())
                || booking.preferredChannel != patient.preferredChannel()
                || booking.smsConsent != patient.consent().sms() || booking.emailConsent != patient.consent().email();
    }

    private static void apply(Booking booking, BookingRequest request) {
        PatientRequest patient = request.patient();
        booking.firstName = patient.firstName();
        booking.phone = patient.phone();
        booking.email = patient.email();
        booking.locale = patient.locale();
        booking.timeZone = patient.timeZone();
        booking.preferredChannel = patient.preferredChannel();
        booking.smsConsent = patient.consent().sms();
        booking.emailConsent = patient.consent().email();
        booking.treatmentType = request.treatment().type();
        booking.treatmentStart = request.treatment().startsAt().toInstant();
        booking.treatmentEnd = request.treatment().end().toInstant();
        booking.status = request.status();
    }

    /** Pending timers are replaced by the new plan; what was already dispatched stays and is not planned again. */
    private void replan(Booking booking, Instant now) {
        reminders.revokePlanned(booking.id);
        if (!booking.status.wantsReminders()) {
            return;
        }
        List<Reminder> current = reminders.findByBooking(booking.id);
        for (PlannedReminder planned : planner.plan(booking)) {
            boolean alreadySent = current.stream()
                    .anyMatch(r -> r.state == ReminderState.DISPATCHED && r.ruleKey.equals(planned.ruleKey())
                            && r.occurrence == planned.occurrence());
            if (!alreadySent) {
                reminders.persist(toReminder(booking, planned, now));
            }
        }
    }

    private static Reminder toReminder(Booking booking, PlannedReminder planned, Instant now) {
        Reminder reminder = new Reminder();
        reminder.id = UUID.randomUUID();
        reminder.booking = booking;
        reminder.ruleKey = planned.ruleKey();
        reminder.occurrence = planned.occurrence();
        reminder.protocolVersion = planned.protocolVersion();
        reminder.priority = planned.priority();
        reminder.dueAt = planned.dueAt();
        reminder.expiresAt = planned.expiresAt();
        reminder.smsText = planned.smsText();
        reminder.state = ReminderState.PLANNED;
        reminder.createdAt = now;
        return reminder;
    }
}
