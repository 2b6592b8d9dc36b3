package io.aftercare.notification.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.messaging.ReminderDue;
import io.aftercare.notification.repository.OptOutRepository;

/**
 * Picks the channel: the patient's preference if they consented to it and did not opt out, else the other channel
 * under the same conditions (SMS opted out: email if consented), else none, with the reason.
 */
@ApplicationScoped
public class ChannelSelector {

    private final OptOutRepository optOuts;

    public ChannelSelector(OptOutRepository optOuts) {
        this.optOuts = optOuts;
    }

    public ChannelChoice choose(ReminderDue event) {
        boolean preferEmail = "email".equals(event.recipient().preferredChannel());
        String smsRefusal = smsRefusal(event);
        String emailRefusal = emailRefusal(event);
        if (preferEmail && emailRefusal == null) {
            return ChannelChoice.of(DeliveryChannel.EMAIL);
        }
        if (smsRefusal == null) {
            return ChannelChoice.of(DeliveryChannel.SMS);
        }
        if (emailRefusal == null) {
            return ChannelChoice.of(DeliveryChannel.EMAIL);
        }
        return ChannelChoice.none("sms: " + smsRefusal + "; email: " + emailRefusal);
    }

    private String smsRefusal(ReminderDue event) {
        ReminderDue.Recipient recipient = event.recipient();
        if (!event.allows("sms") || event.messages() == null || event.messages().sms() == null) {
            return "not a channel of this reminder";
        }
        if (recipient.phone() == null) {
            return "no phone number";
        }
        if (!recipient.smsConsent()) {
            return "no consent";
        }
        if (optOuts.isOptedOut(DeliveryChannel.SMS, recipient.phone())) {
            return "opted out";
        }
        return null;
    }

    private String emailRefusal(ReminderDue event) {
        ReminderDue.Recipient recipient = event.recipient();
        if (!event.allows("email") || event.messages() == null || event.messages().email() == null) {
            return "not a channel of this reminder";
        }
        if (recipient.email() == null) {
            return "no email address";
        }
        if (!recipient.emailConsent()) {
            return "no consent";
        }
        if (optOuts.isOptedOut(DeliveryChannel.EMAIL, recipient.email())) {
            return "opted out";
        }
        return null;
    }
}
