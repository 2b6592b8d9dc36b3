package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.events.ProtocolPublished;
import io.aftercare.events.RecipientPreferenceChanged;
import io.aftercare.scheduling.metrics.SchedulingMetrics;
import io.aftercare.scheduling.repository.BookingRepository;
import io.aftercare.scheduling.repository.ProcessedEvents;
import io.aftercare.scheduling.repository.TextPreferenceBookings;

/**
 * What other services report that changes plans: a new protocol version, a patient's STOP or START. (What became of
 * each reminder sent is {@link ReminderOutcomes}'.)
 */
@ApplicationScoped
public class PlanChanges {

    private static final Logger LOG = Logger.getLogger(PlanChanges.class);

    private final BookingRepository bookings;
    private final ProcessedEvents processed;
    private final TextPreferenceBookings textPreferences;
    private final SchedulingMetrics metrics;
    private final Clock clock;

    public PlanChanges(BookingRepository bookings, ProcessedEvents processed,
            TextPreferenceBookings textPreferences, SchedulingMetrics metrics, Clock clock) {
        this.bookings = bookings;
        this.processed = processed;
        this.textPreferences = textPreferences;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Bookings whose treatment is still ahead follow a new version; after a clinic's override changed, that clinic's
     * bookings with reminders still to go. The planning job re-plans them.
     */
    @Transactional
    public void protocolPublished(String eventId, ProtocolPublished event) {
        Instant now = clock.instant();
        if (!processed.firstTime(eventId, now)) {
            return;
        }
        if (event.clinicId() != null) {
            int queued = bookings.replanClinic(event.treatment(), event.clinicId(), now);
            LOG.infof("clinic %s changed its %s override: %d booking(s) with reminders ahead queued for a new plan",
                    event.clinicId(), event.treatment(), queued);
            return;
        }
        int queued = bookings.replanFuture(event.treatment(), event.version(), now);
        LOG.infof("protocol %s version %d published: %d future booking(s) queued for a new plan", event.treatment(),
                event.version(), queued);
    }

    /**
     * A STOP revokes the pending reminders that can only go by text; those that may go by email stay. A START lifts
     * the opt-out and re-plans, so that what is still worth sending goes out again. Either concerns only the bookings
     * of clinics whose texts go from the sender the patient answered: a STOP to one clinic's number does not silence
     * another clinic's.
     */
    @Transactional
    public void preferenceChanged(String eventId, RecipientPreferenceChanged event) {
        Instant now = clock.instant();
        if (!processed.firstTime(eventId, now) || !"sms".equals(event.channel())) {
            return;
        }
        textPreferences.markOptedOut(event);
        if (event.optedOut()) {
            int revoked = textPreferences.revokeTextOnly(event);
            metrics.revoked(revoked);
            LOG.infof("SMS opt-out: %d pending reminder(s) revoked", revoked);
        } else {
            int queued = textPreferences.queueForNewPlan(event, now);
            LOG.infof("SMS opt-in: %d booking(s) queued for a new plan", queued);
        }
    }
}
