package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.repository.DeliveryRepository;
import io.aftercare.notification.repository.ProcessedWebhooks;

/** What the provider tells us of our messages: how each fared. ({@link InboundTexts} hears what patients wrote.) */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    private final DeliveryRepository deliveries;
    private final ProcessedWebhooks processed;
    private final DeliveryAnnouncements announcements;
    private final Clock clock;

    public WebhookService(DeliveryRepository deliveries, ProcessedWebhooks processed,
            DeliveryAnnouncements announcements, Clock clock) {
        this.deliveries = deliveries;
        this.processed = processed;
        this.announcements = announcements;
        this.clock = clock;
    }

    /**
     * Moves the delivery of the provider's message on; never back (a late "sent" after "delivered" is ignored), and a
     * replayed report changes nothing.
     */
    @Transactional
    public void status(String messageSid, String messageStatus, String errorCode) {
        Instant now = clock.instant();
        Optional<DeliveryStatus> reported = reported(messageStatus);
        if (reported.isEmpty() || !processed.firstTime("status:" + messageSid + ":" + messageStatus, now)) {
            return;
        }
        Optional<Delivery> found = deliveries.findByProviderMessageId(messageSid);
        if (found.isEmpty()) {
            LOG.warnf("status %s for unknown message %s", messageStatus, messageSid);
            return;
        }
        Delivery delivery = found.get();
        DeliveryStatus next = reported.get();
        if (next.providerRank() <= delivery.status.providerRank()) {
            LOG.debugf("status %s of %s is not newer than %s; ignored", next, messageSid, delivery.status);
            return;
        }
        delivery.status = next;
        delivery.reason = errorCode == null || errorCode.isBlank() ? null : "provider error " + errorCode;
        delivery.updatedAt = now;
        deliveries.saveAll(List.of(delivery));
        announcements.providerReported(delivery, now);
        LOG.infof("message %s of delivery %s is %s", messageSid, delivery.eventId, next);
    }

    private static Optional<DeliveryStatus> reported(String messageStatus) {
        return switch (messageStatus == null ? "" : messageStatus) {
            case "sent" -> Optional.of(DeliveryStatus.SENT);
            case "delivered" -> Optional.of(DeliveryStatus.DELIVERED);
            case "undelivered" -> Optional.of(DeliveryStatus.UNDELIVERED);
            case "failed" -> Optional.of(DeliveryStatus.FAILED);
            default -> Optional.empty(); // queued, accepted, sending: nothing to record beyond SENT
        };
    }
}
