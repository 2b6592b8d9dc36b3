package io.aftercare.scheduling.messaging;

import java.time.Instant;

/**
 * This service's reading of notification's {@code recipient-preferences} event data: a patient opted out of, or back
 * into, a channel (for SMS, by replying STOP or START).
 *
 * @param channel {@code sms} or {@code email}
 * @param address the phone number (E.164) or email address
 * @param sender for SMS, the number or Messaging Service the patient texted the keyword to: the change concerns only
 *            the bookings of clinics whose texts go from it; null (events from before senders were named): every
 *            booking of the number
 * @param deploymentSender whether that sender is the deployment's shared one, which every clinic without a sender of
 *            its own texts from
 */
public record RecipientPreferenceChanged(String channel, String address, boolean optedOut, Instant at, String sender,
        boolean deploymentSender) {
}
