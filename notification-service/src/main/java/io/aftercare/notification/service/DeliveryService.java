package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.messaging.ReminderDue;
import io.aftercare.notification.provider.SmsProvider;
import io.aftercare.notification.repository.DeliveryRepository;

/** Delivers one reminder event at most once: records it under its event id, then sends, suppresses or expires it. */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final DeliveryRepository deliveries;
    private final SmsProvider sms;
    private final Clock clock;

    public DeliveryService(DeliveryRepository deliveries, SmsProvider sms, Clock clock) {
        this.deliveries = deliveries;
        this.sms = sms;
        this.clock = clock;
    }

    @Transactional
    public void deliver(String eventId, ReminderDue event) {
        Instant now = clock.instant();
        if (!deliveries.recordIfNew(eventId, event, now)) {
            LOG.infof("event %s already handled; not sending again", eventId);
            return;
        }
        Delivery delivery = deliveries.findByEventId(eventId);
        if (!event.expiresAt().isAfter(now)) {
            finish(delivery, DeliveryStatus.EXPIRED, "arrived after its validity ended at " + event.expiresAt(), now);
        } else if (canText(event)) {
            delivery.channel = DeliveryChannel.SMS;
            delivery.provider = sms.name();
            delivery.providerMessageId = sms.send(event.recipient().phone(), event.messages().sms(), eventId);
            finish(delivery, DeliveryStatus.SENT, null, now);
        } else {
            finish(delivery, DeliveryStatus.SUPPRESSED, "no channel with consent and a contact", now);
        }
        LOG.infof("event %s (rule %s, booking %s): %s", eventId, event.ruleKey(), event.bookingId(), delivery.status);
    }

    private static boolean canText(ReminderDue event) {
        return event.recipient().smsConsent() && event.recipient().phone() != null && event.messages() != null
                && event.messages().sms() != null;
    }

    private static void finish(Delivery delivery, DeliveryStatus status, String reason, Instant now) {
        delivery.status = status;
        delivery.reason = reason;
        delivery.updatedAt = now;
    }

}
