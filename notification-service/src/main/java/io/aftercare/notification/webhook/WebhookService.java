package io.aftercare.notification.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.clinichooks.ClinicWebhooks;
import io.aftercare.notification.messaging.EventOutbox;
import io.aftercare.notification.messaging.NotificationStatus;
import io.aftercare.notification.messaging.RecipientPreferenceChanged;
import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.privacy.Masking;
import io.aftercare.notification.repository.ClinicProfileRepository;
import io.aftercare.notification.repository.DeliveryRepository;
import io.aftercare.notification.repository.OptOutRepository;
import io.aftercare.notification.repository.ProcessedWebhooks;
import io.aftercare.notification.repository.RecipientBookings;
import io.aftercare.notification.service.PatientReplies;

/** What the provider tells us: how a message fared, and what a patient replied. */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    private final DeliveryRepository deliveries;
    private final OptOutRepository optOuts;
    private final ProcessedWebhooks processed;
    private final EventOutbox outbox;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final ClinicContacts help;
    private final RecipientBookings recipients;
    private final PatientReplies replies;
    private final ClinicWebhooks webhooks;
    private final ClinicProfileRepository profiles;

    public WebhookService(DeliveryRepository deliveries, OptOutRepository optOuts, ProcessedWebhooks processed,
            EventOutbox outbox, NotificationMetrics metrics, Clock clock, ClinicContacts help,
            RecipientBookings recipients, PatientReplies replies, ClinicWebhooks webhooks,
            ClinicProfileRepository profiles) {
        this.webhooks = webhooks;
        this.profiles = profiles;
        this.recipients = recipients;
        this.replies = replies;
        this.deliveries = deliveries;
        this.optOuts = optOuts;
        this.processed = processed;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
        this.help = help;
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
        metrics.notification("sms", next.name().toLowerCase(Locale.ROOT));
        delivery.reason = errorCode == null || errorCode.isBlank() ? null : "provider error " + errorCode;
        delivery.updatedAt = now;
        if (next != DeliveryStatus.SENT) {
            outbox.status(delivery.eventId,
                    new NotificationStatus(delivery.reminderId, delivery.clinicId, delivery.bookingId,
                            next.name().toLowerCase(Locale.ROOT), "sms", delivery.reason, now));
        }
        if (ClinicWebhooks.isFailure(delivery)) {
            webhooks.deliveryFailed(delivery, delivery.reason, now);
        }
        LOG.infof("message %s of delivery %s is %s", messageSid, delivery.eventId, next);
    }

    /**
     * A keyword changes the patient's preference (or asks for HELP, answered in their language); anything else is a
     * reply for their clinic's inbox.
     *
     * @return the answer to text back at once (HELP), if any
     */
    @Transactional
    public Optional<String> inbound(String messageSid, String from, String body) {
        Instant now = clock.instant();
        if (!processed.firstTime("inbound:" + messageSid, now)) {
            return Optional.empty();
        }
        Optional<Keywords.Keyword> keyword = Keywords.keyword(body);
        if (keyword.isEmpty()) {
            replies.receive(messageSid, from, body == null ? "" : body);
            return Optional.empty();
        }
        switch (keyword.get().intent()) {
            case OPT_OUT -> {
                String word = body.trim().toUpperCase(Locale.ROOT);
                if (optOuts.optOut(DeliveryChannel.SMS, from, word, now)) {
                    metrics.optOut("sms", "out");
                    announce(from, true, now);
                    webhooks.optedOut(from, word, now);
                }
                LOG.infof("%s opted out of SMS", Masking.phone(from));
                return Optional.empty();
            }
            case OPT_IN -> {
                if (optOuts.optIn(DeliveryChannel.SMS, from)) {
                    metrics.optOut("sms", "in");
                    announce(from, false, now);
                }
                LOG.infof("%s opted back in to SMS", Masking.phone(from));
                return Optional.empty();
            }
            default -> {
                Optional<RecipientBookings.RecipientBooking> newest = recipients.newest(from);
                // AYUDA is answered in Spanish; HELP in the language the patient's texts are in.
                String language = "es".equals(keyword.get().language())
                        ? "es"
                        : newest.map(RecipientBookings.RecipientBooking::locale).orElse("en");
                // The clinic's own text from its profile, when it has one in that language, says it all (who the
                // clinic is, how to reach it); else the deployment's text with the configured contact.
                Optional<String> clinicText = newest.flatMap(b -> profiles.helpText(b.clinicId(), language));
                if (clinicText.isPresent()) {
                    return clinicText;
                }
                String contact = newest.map(b -> help.clinicContacts().get(b.clinicId())).orElse(null);
                String text = help.text(language);
                return Optional.of(contact == null ? text : text + " " + contact);
            }
        }
    }

    private void announce(String phone, boolean optedOut, Instant now) {
        outbox.preference(new RecipientPreferenceChanged("sms", phone, optedOut, now));
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
