package io.aftercare.scheduling.messaging;

import java.time.Instant;

/**
 * This service's reading of notification's {@code recipient-preferences} event data: a patient opted out of, or back
 * into, a channel (for SMS, by replying STOP or START).
 *
 * @param channel {@code sms} or {@code email}
 * @param address the phone number (E.164) or email address
 */
public record RecipientPreferenceChanged(String channel, String address, boolean optedOut, Instant at) {
}
