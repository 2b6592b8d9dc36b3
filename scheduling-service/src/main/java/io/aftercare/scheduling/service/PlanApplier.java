package io.aftercare.scheduling.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.PlanState;
import io.aftercare.scheduling.Priority;
import io.aftercare.scheduling.Reminder;
import io.aftercare.scheduling.ReminderState;
import io.aftercare.scheduling.client.GuidancePlan;
import io.aftercare.scheduling.client.GuidancePlanner;
import io.aftercare.scheduling.config.PlanningConfig;
import io.aftercare.scheduling.metrics.SchedulingMetrics;
import io.aftercare.scheduling.repository.BookingRepository;
import io.aftercare.scheduling.repository.ReminderRepository;

/**
 * Brings a booking's reminders in line with its current details, inside the caller's transaction, from a plan outcome
 * the caller fetched from guidance beforehand (never under the booking's lock). Pending timers are revoked and the plan
 * from guidance laid down again; a reminder already dispatched is never planned twice, and one
 * already past its validity is recorded as expired, never sent.
 */
@ApplicationScoped
public class PlanApplier {

    private static final Logger LOG = Logger.getLogger(PlanApplier.class);

    private final BookingRepository bookings;
    private final ReminderRepository reminders;
    private final PlanningConfig config;
    private final SchedulingMetrics metrics;

    public PlanApplier(BookingRepository bookings, ReminderRepository reminders, PlanningConfig config,
            SchedulingMetrics metrics) {
        this.bookings = bookings;
        this.reminders = reminders;
        this.config = config;
        this.metrics = metrics;
    }

    /** Whether the booking needs a plan from guidance at all: one that wants no reminders only loses its own. */
    public static boolean needsGuidance(Booking booking) {
        return booking.status.wantsReminders();
    }

    /**
     * Changes the reminders only when guidance's plan is known: while guidance is unreachable the booking keeps the
     * plan it had (a reschedule or a protocol change waits, nothing is lost) and is planned again later. The booking
     * is then written, with whatever else the caller changed in it: nothing writes it at commit.
     *
     * @param outcome what guidance said for the booking's current details; may be null when it
     *            {@linkplain #needsGuidance needs no guidance}
     */
    public void apply(Booking booking, GuidancePlanner.Outcome outcome, Instant now) {
        apply(booking, outcome, now, false);
        bookings.update(booking);
    }

    /**
     * The same for a booking not stored yet: it has no reminders to revoke or keep, so the queries that would find
     * none are saved, and nothing is persisted: the caller writes the booking and these reminders together.
     *
     * @return the booking's reminders: all of them new, none of them stored yet
     */
    public List<Reminder> applyToNew(Booking booking, GuidancePlanner.Outcome outcome, Instant now) {
        return apply(booking, outcome, now, true);
    }

    private List<Reminder> apply(Booking booking, GuidancePlanner.Outcome outcome, Instant now, boolean fresh) {
        if (!needsGuidance(booking)) {
            if (!fresh) {
                metrics.revoked(reminders.revokePlanned(booking.id));
            }
            booking.planState = PlanState.NONE;
            booking.nextPlanAt = null;
            return List.of();
        }
        if (outcome == null) {
            throw new IllegalStateException("booking " + booking.id + " needs a plan from guidance and has none");
        }
        if (outcome instanceof GuidancePlanner.Planned planned) {
            if (!fresh) {
                metrics.revoked(reminders.revokePlanned(booking.id));
            }
            return lay(booking, planned.plan(), now, fresh);
        } else if (outcome instanceof GuidancePlanner.UnknownTreatment unknown) {
            if (!fresh) {
                metrics.revoked(reminders.revokePlanned(booking.id));
            }
            booking.planState = PlanState.FAILED;
            booking.planError = "guidance has no protocol for treatment " + unknown.treatment();
            booking.nextPlanAt = null;
        } else if (outcome instanceof GuidancePlanner.Unreadable unreadable) {
            // The reminders already planned stay: nothing is lost while the disagreement is fixed, and the booking's
            // next update plans it again. Retrying on a timer would only hide the error as an outage.
            booking.planState = PlanState.FAILED;
            booking.planError = unreadable.reason();
            booking.nextPlanAt = null;
        } else if (outcome instanceof GuidancePlanner.Unavailable unavailable) {
            booking.planState = PlanState.PENDING;
            booking.planError = unavailable.reason();
            booking.nextPlanAt = now.plus(backoff(booking.planAttempts));
            booking.planAttempts++;
        }
        return List.of();
    }

    private List<Reminder> lay(Booking booking, GuidancePlan plan, Instant now, boolean fresh) {
        List<Reminder> existing = fresh ? List.of() : reminders.findByBooking(booking.id);
        List<Reminder> laid = new ArrayList<>(plan.reminders().size());
        int created = 0;
        int stale = 0;
        for (GuidancePlan.Item item : plan.reminders()) {
            boolean expired = !item.expiresAt().isAfter(now);
            boolean alreadyThere = existing.stream()
                    .anyMatch(r -> r.ruleKey.equals(item.ruleKey()) && r.occurrence == item.occurrence()
                            && (r.state.wentOut() || expired && r.state == ReminderState.EXPIRED));
            if (!alreadyThere) {
                Reminder reminder = toReminder(booking, plan.protocolVersion(), item, expired, now);
                laid.add(reminder);
                if (expired) {
                    stale++;
                } else {
                    created++;
                }
            }
        }
        if (!fresh) {
            reminders.insertAll(laid);
        }
        metrics.planned(created);
        metrics.expired("planning", stale);
        booking.planState = PlanState.PLANNED;
        booking.protocolVersion = plan.protocolVersion();
        booking.planError = null;
        booking.planAttempts = 0;
        booking.nextPlanAt = null;
        LOG.debugf("booking %s planned with protocol version %d: %d reminder(s)", booking.id, plan.protocolVersion(),
                created);
        return laid;
    }

    private Duration backoff(int attempts) {
        Duration wait = config.firstBackoff().multipliedBy(1L << Math.min(attempts, 16));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private static Reminder toReminder(Booking booking, int protocolVersion, GuidancePlan.Item item, boolean expired,
            Instant now) {
        Reminder reminder = new Reminder();
        reminder.id = UUID.randomUUID();
        reminder.bookingId = booking.id;
        reminder.clinicId = booking.clinicId;
        reminder.ruleKey = item.ruleKey();
        reminder.occurrence = item.occurrence();
        reminder.protocolVersion = protocolVersion;
        reminder.category = item.category();
        reminder.priority = "urgent".equals(item.priority()) ? Priority.URGENT : Priority.NORMAL;
        reminder.channels = String.join(",", item.channels());
        reminder.locale = item.locale();
        reminder.dueAt = item.dueAt();
        reminder.expiresAt = item.expiresAt();
        if (item.messages() != null) {
            reminder.smsText = item.messages().sms();
            if (item.messages().email() != null) {
                reminder.emailSubject = item.messages().email().subject();
                reminder.emailBody = item.messages().email().body();
            }
        }
        reminder.state = expired ? ReminderState.EXPIRED : ReminderState.PLANNED;
        reminder.createdAt = now;
        return reminder;
    }
}
