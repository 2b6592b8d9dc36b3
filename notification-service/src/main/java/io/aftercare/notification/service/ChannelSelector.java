package io.aftercare.notification.service;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.events.ReminderDue;
import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.repository.OptOutRepository;

/**
 * Picks the channel: the patient's preference if they consented to it and did not opt out, else the other channel
 * under the same conditions (SMS opted out: email if consented), else none, with the reason.
 */
@ApplicationScoped
public class ChannelSelector {

    private final OptOutRepository optOuts;
    private final ClinicSenders senders;

    public ChannelSelector(OptOutRepository optOuts, ClinicSenders senders) {
        this.optOuts = optOuts;
        this.senders = senders;
    }

    /** The opt-outs among the addresses of these events, read in one query, for {@link #choose}. */
    public Set<String> optOutsAmong(List<ReminderDue> events) {
        List<String> phones = events.stream().map(e -> e.recipient().phone()).filter(Objects::nonNull).toList();
        List<String> emails = events.stream().map(e -> e.recipient().email()).filter(Objects::nonNull).toList();
        return optOuts.optedOutAmong(phones, emails);
    }

    /** @param optedOut what {@link #optOutsAmong} found for this event among others */
    public ChannelChoice choose(ReminderDue event, Set<String> optedOut) {
        boolean preferEmail = "email".equals(event.recipient().preferredChannel());
        String smsRefusal = smsRefusal(event, optedOut);
        String emailRefusal = emailRefusal(event, optedOut);
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

    private String smsRefusal(ReminderDue event, Set<String> optedOut) {
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
        // STOP stops the sender it was sent to: the one this clinic's texts go from, or every sender.
        if (optedOut.contains(OptOutRepository.textKey(recipient.phone(), OptOutRepository.EVERY_SENDER))
                || optedOut.contains(OptOutRepository.textKey(recipient.phone(), senders.smsFrom(event.clinicId())))) {
            return "opted out";
        }
        return null;
    }

    private static String emailRefusal(ReminderDue event, Set<String> optedOut) {
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
        if (optedOut.contains(OptOutRepository.key(DeliveryChannel.EMAIL, recipient.email()))) {
            return "opted out";
        }
        return null;
    }
}
