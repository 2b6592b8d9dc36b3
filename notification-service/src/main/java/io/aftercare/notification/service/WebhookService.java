package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.repository.DeliveryRepository;
import io.aftercare.notification.repository.EarlyProviderStatuses;
import io.aftercare.notification.repository.EarlyProviderStatuses.Report;
import io.aftercare.notification.repository.ProcessedWebhooks;

/** What the provider tells us of our messages: how each fared. ({@link InboundTexts} hears what patients wrote.) */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    private final DeliveryRepository deliveries;
    private final ProcessedWebhooks processed;
    private final DeliveryAnnouncements announcements;
    private final EarlyProviderStatuses early;
    private final Clock clock;

    public WebhookService(DeliveryRepository deliveries, ProcessedWebhooks processed,
            DeliveryAnnouncements announcements, EarlyProviderStatuses early, Clock clock) {
        this.deliveries = deliveries;
        this.processed = processed;
        this.announcements = announcements;
        this.early = early;
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
        Report report = new Report(messageSid, reported.get(),
                errorCode == null || errorCode.isBlank() ? null : "provider error " + errorCode, now);
        Optional<Delivery> found = deliveries.findByProviderMessageId(messageSid);
        if (found.isEmpty()) {
            // Its send's outcome, which names the message, may still be being written: kept until it is.
            if (early.keep(report)) {
                LOG.infof("status %s for message %s, not recorded yet: kept until its send is", messageStatus,
                        messageSid);
            } else {
                LOG.warnf("status %s for a message id that cannot be ours; ignored", messageStatus);
            }
            return;
        }
        apply(found.get(), report, now);
    }

    /**
     * Applies the reports that came before these deliveries' outcomes were recorded, in the caller's transaction: the
     * one that records those outcomes.
     */
    @Transactional
    public void applyEarlyReports(List<Delivery> recorded) {
        List<String> sids = recorded.stream().map(d -> d.providerMessageId).filter(Objects::nonNull).toList();
        List<Report> reports = early.take(sids);
        if (reports.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (Delivery delivery : recorded) {
            reports.stream()
                    .filter(report -> report.messageSid().equals(delivery.providerMessageId))
                    .sorted(Comparator.comparingInt(report -> report.status().providerRank()))
                    .forEach(report -> apply(delivery, report, now));
        }
    }

    private void apply(Delivery delivery, Report report, Instant now) {
        DeliveryStatus next = report.status();
        if (next.providerRank() <= delivery.status.providerRank()) {
            LOG.debugf("status %s of %s is not newer than %s; ignored", next, report.messageSid(), delivery.status);
            return;
        }
        delivery.status = next;
        delivery.reason = report.reason();
        delivery.updatedAt = now;
        deliveries.saveAll(List.of(delivery));
        announcements.providerReported(delivery, now);
        LOG.infof("message %s of delivery %s is %s", report.messageSid(), delivery.eventId, next);
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
