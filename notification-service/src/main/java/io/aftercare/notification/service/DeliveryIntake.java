package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.events.ReminderDue;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.repository.DeliveryRepository;
import io.aftercare.notification.repository.RecipientBookings;

/**
 * Takes a reminder event in: records it once under its event id (a redelivery changes nothing), expires it if it is
 * already stale, and otherwise queues it for the workers at the moment {@link ReminderTiming} says; notes the booking
 * that will text the patient's number, so that their replies find it.
 */
@ApplicationScoped
public class DeliveryIntake {

    private static final Logger LOG = Logger.getLogger(DeliveryIntake.class);

    private final DeliveryRepository deliveries;
    private final RecipientBookings recipients;
    private final ReminderTiming timing;
    private final DeliveryAnnouncements announcements;
    private final Clock clock;

    public DeliveryIntake(DeliveryRepository deliveries, RecipientBookings recipients, ReminderTiming timing,
            DeliveryAnnouncements announcements, Clock clock) {
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.timing = timing;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** One event received: its id, and the event read, or why it could not be read. */
    public record Received(String eventId, String key, String eventJson, ReminderDue event, String unreadable) {
    }

    /**
     * Takes a poll's worth of events in one transaction: one commit for them all, and one round trip for each kind of
     * row they make. An event that could not be read goes to the dead-letter topic (through the outbox) with the
     * reason, in the same transaction.
     */
    @Transactional
    public void acceptAll(List<Received> received) {
        announcements.together(() -> take(received));
    }

    private void take(List<Received> received) {
        Instant now = clock.instant();
        List<DeliveryRepository.NewDelivery> deliveries = new ArrayList<>();
        for (Received one : received) {
            if (one.event() == null) {
                LOG.warnf("event %s is not a reminder this service can read; dead-lettered: %s", one.eventId(),
                        one.unreadable());
                announcements.refused(one.eventId(), one.key(), one.eventJson(), "unreadable: " + one.unreadable());
            } else {
                deliveries.add(timing.delivery(one, now));
            }
        }
        boolean[] recorded = this.deliveries.recordAllIfNew(deliveries);
        List<RecipientBookings.Seen> seen = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            DeliveryRepository.NewDelivery delivery = deliveries.get(i);
            ReminderDue event = delivery.event();
            if (!recorded[i]) {
                LOG.infof("event %s already recorded; not sending again", delivery.eventId());
                continue;
            }
            boolean stale = delivery.status() == DeliveryStatus.EXPIRED;
            if (event.recipient() != null && event.recipient().phone() != null) {
                seen.add(new RecipientBookings.Seen(event.recipient().phone(), event.clinicId(), event.bookingId(),
                        event.bookingRef(), language(event), event.asksCheckIn() && !stale, now));
            }
            if (stale) {
                announcements.arrivedStale(delivery.eventId(), event, now);
            }
            LOG.infof("event %s (rule %s, booking %s): %s", delivery.eventId(), event.ruleKey(), event.bookingId(),
                    delivery.status());
        }
        recipients.seenAll(seen);
    }

    /** An event that cannot be taken in, parked on the dead-letter topic with the reason. */
    @Transactional
    public void deadLetter(Received one, String reason) {
        LOG.warnf("event %s could not be taken in; dead-lettered: %s", one.eventId(), reason);
        announcements.refused(one.eventId(), one.key(), one.eventJson(), "could not be taken in: " + reason);
    }

    /** The language of the patient's texts ({@code es-MX} is {@code es}), for answering them in it. */
    static String language(ReminderDue event) {
        String locale = event.locale() != null ? event.locale() : event.recipient().locale();
        return locale == null ? "en" : locale.split("-")[0];
    }
}
