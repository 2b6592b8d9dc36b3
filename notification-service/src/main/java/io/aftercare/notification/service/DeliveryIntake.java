package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.events.NotificationStatus;
import io.aftercare.events.ReminderDue;
import io.aftercare.notification.DeliveryKind;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.messaging.EventOutbox;
import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.repository.DeliveryRepository;
import io.aftercare.notification.repository.RecipientBookings;

/**
 * Takes a reminder event in: records it once under its event id (a redelivery changes nothing), expires it if it is
 * already stale, and otherwise queues it for the workers: now when it is urgent or on time (its plan already chose the
 * moment, in the clinic's send window), else when the patient's send window opens, so a backlog never texts at night.
 */
@ApplicationScoped
public class DeliveryIntake {

    private static final Logger LOG = Logger.getLogger(DeliveryIntake.class);

    private final DeliveryRepository deliveries;
    private final RecipientBookings recipients;
    private final SendWindows windows;
    private final EventOutbox outbox;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final java.time.Duration onTimeGrace;

    public DeliveryIntake(DeliveryRepository deliveries, RecipientBookings recipients, SendWindows windows,
            EventOutbox outbox,
            NotificationMetrics metrics, Clock clock, io.aftercare.notification.config.DeliveryConfig config) {
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.windows = windows;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
        this.onTimeGrace = config.onTimeGrace();
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
        outbox.together(() -> take(received));
    }

    private void take(List<Received> received) {
        Instant now = clock.instant();
        List<DeliveryRepository.NewDelivery> deliveries = new ArrayList<>();
        for (Received one : received) {
            if (one.event() == null) {
                LOG.warnf("event %s is not a reminder this service can read; dead-lettered: %s", one.eventId(),
                        one.unreadable());
                outbox.deadLetter(one.eventId(), one.key(), one.eventJson(), "unreadable: " + one.unreadable(), 0);
            } else {
                deliveries.add(delivery(one, now));
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
                metrics.notification(null, "expired");
                outbox.status(delivery.eventId(), new NotificationStatus(event.reminderId(), event.clinicId(),
                        event.bookingId(), "expired", null, "arrived after its validity ended", now));
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
        outbox.deadLetter(one.eventId(), one.key(), one.eventJson(), "could not be taken in: " + reason, 0);
    }

    /** The delivery an event makes: expired when stale, else due now or when the patient's send window opens. */
    private DeliveryRepository.NewDelivery delivery(Received one, Instant now) {
        ReminderDue event = one.event();
        boolean stale = !event.expiresAt().isAfter(now);
        boolean onTime = event.dueAt() == null || !now.isAfter(event.dueAt().plus(onTimeGrace));
        Instant sendAt = event.urgent() || onTime ? now : windows.nextOpening(now, event.recipient().timeZone());
        DeliveryStatus status = stale
                ? DeliveryStatus.EXPIRED
                : sendAt.isAfter(now) ? DeliveryStatus.WAITING : DeliveryStatus.PENDING;
        String reason = stale ? "arrived after its validity ended at " + event.expiresAt() : null;
        return new DeliveryRepository.NewDelivery(one.eventId(), DeliveryKind.REMINDER, event, one.eventJson(), status,
                reason, stale ? null : sendAt, now);
    }

    /** The language of the patient's texts ({@code es-MX} is {@code es}), for answering them in it. */
    static String language(ReminderDue event) {
        String locale = event.locale() != null ? event.locale() : event.recipient().locale();
        return locale == null ? "en" : locale.split("-")[0];
    }
}
