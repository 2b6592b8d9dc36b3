package io.aftercare.notification.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.events.RecipientPreferenceChanged;
import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.messaging.EventOutbox;
import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.repository.OptOutRepository;
import io.aftercare.notification.security.Masking;

/**
 * STOP and START, each for the sender the patient texted: another clinic's own number still reaches the patient after
 * a STOP to this one. Scheduling hears of it on {@code recipient-preferences} (naming the sender, so that it stops the
 * plans of the clinics texting from it only), the clinics that texted the number from it by webhook.
 */
@ApplicationScoped
public class TextPreferences {

    private static final Logger LOG = Logger.getLogger(TextPreferences.class);

    private final OptOutRepository optOuts;
    private final EventOutbox outbox;
    private final ClinicWebhooks webhooks;
    private final ClinicSenders senders;
    private final NotificationMetrics metrics;

    public TextPreferences(OptOutRepository optOuts, EventOutbox outbox, ClinicWebhooks webhooks,
            ClinicSenders senders, NotificationMetrics metrics) {
        this.optOuts = optOuts;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.senders = senders;
        this.metrics = metrics;
    }

    /**
     * @param keyword the word the patient texted, upper case, or the provider's error code when it reports the number
     *        unsubscribed (21610)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stop(String phone, String sender, String keyword, Instant now) {
        if (optOuts.optOut(DeliveryChannel.SMS, phone, sender, keyword, now)) {
            metrics.optOut("sms", "out");
            announce(phone, true, sender, now);
            webhooks.optedOut(phone, sender, keyword, now);
        }
        LOG.infof("%s opted out of SMS from %s", Masking.phone(phone), sender);
    }

    /** Whether the number stopped the texts of the sender the clinic texts from. */
    public boolean stopped(String phone, String clinicId) {
        return optOuts.isTextOptedOut(phone, senders.smsFrom(clinicId));
    }

    /**
     * The provider reports that the number unsubscribed from the sender the clinic texts from, and from it only: a
     * STOP to that sender, with the provider's error code (21610) kept as the reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unsubscribed(String phone, String clinicId, String errorCode, Instant now) {
        stop(phone, senders.smsFrom(clinicId), errorCode, now);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void start(String phone, String sender, Instant now) {
        if (optOuts.optIn(DeliveryChannel.SMS, phone, sender)) {
            metrics.optOut("sms", "in");
            announce(phone, false, sender, now);
        }
        LOG.infof("%s opted back in to SMS from %s", Masking.phone(phone), sender);
    }

    private void announce(String phone, boolean optedOut, String sender, Instant now) {
        boolean everySender = OptOutRepository.EVERY_SENDER.equals(sender);
        outbox.preference(new RecipientPreferenceChanged("sms", phone, optedOut, now, everySender ? null : sender,
                !everySender && sender.equals(senders.deploymentSender())));
    }
}
