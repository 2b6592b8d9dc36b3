package io.aftercare.scheduling.service;

import java.time.Duration;
import java.time.Instant;
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
import io.aftercare.scheduling.repository.ReminderRepository;

/**
 * Brings a booking's reminders in line with its current details, inside the caller's transaction. Pending timers are
 * revoked and the plan from guidance laid down again; a reminder already dispatched is never planned twice, and one
 * already past its validity is recorded as expired, never sent.
 */
@ApplicationScoped
public class PlanApplier {

    private static final Logger LOG = Logger.getLogger(PlanApplier.class);

    private final GuidancePlanner guidance;
    private final ReminderRepository reminders;
    private final PlanningConfig config;
    private final SchedulingMetrics metrics;

    public PlanApplier(GuidancePlanner guidance, ReminderRepository reminders, PlanningConfig config,
            SchedulingMetrics metrics) {
        this.guidance = guidance;
        this.reminders = reminders;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Asks guidance first and changes the reminders only once the new plan is known: while guidance is unreachable the
     * booking keeps the plan it had (a reschedule or a protocol change waits, nothing is lost) and is planned again
     * later.
     *
     * @return what guidance said; the booking's plan state says what became of it
     */
    public GuidancePlanner.Outcome replan(Booking booking, Instant now) {
        if (!booking.status.wantsReminders()) {
            metrics.revoked(reminders.revokePlanned(booking.id));
            booking.planState = PlanState.NONE;
            booking.nextPlanAt = null;
            return null;
        }
        GuidancePlanner.Outcome outcome = guidance.plan(booking);
        if (outcome instanceof GuidancePlanner.Planned planned) {
            metrics.revoked(reminders.revokePlanned(booking.id));
            lay(booking, planned.plan(), now);
        } else if (outcome instanceof GuidancePlanner.UnknownTreatment unknown) {
            metrics.revoked(reminders.revokePlanned(booking.id));
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
        return outcome;
    }

    private void lay(Booking booking, GuidancePlan plan, Instant now) {
        List<Reminder> existing = reminders.findByBooking(booking.id);
        int created = 0;
        int stale = 0;
        for (GuidancePlan.Item item : plan.reminders()) {
            boolean expired = !item.expiresAt().isAfter(now);
            boolean alreadyThere = existing.stream()
                    .anyMatch(r -> r.ruleKey.equals(item.ruleKey()) && r.occurrence == item.occurrence()
                            && (r.state.wentOut() || expired && r.state == ReminderState.EXPIRED));
            if (!alreadyThere) {
                reminders.persist(toReminder(booking, plan.protocolVersion(), item, expired, now));
                if (expired) {
                    stale++;
                } else {
                    created++;
                }
            }
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
    }

    private Duration backoff(int attempts) {
        Duration wait = config.firstBackoff().multipliedBy(1L << Math.min(attempts, 16));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private static Reminder toReminder(Booking booking, int protocolVersion, GuidancePlan.Item item, boolean expired,
            Instant now) {
        Reminder reminder = new Reminder();
        reminder.id = UUID.randomUUID();
        reminder.booking = booking;
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
