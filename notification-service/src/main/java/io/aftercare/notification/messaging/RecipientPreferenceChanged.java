package io.aftercare.notification.messaging;

import java.time.Instant;

/**
 * The data of a {@code recipient-preferences} event: a patient opted out of, or back into, a channel. A text opt-out
 * (STOP, START) concerns the sender the patient answered, as carriers treat it: another clinic's own number still
 * reaches them.
 *
 * @param sender the number or Messaging Service SID the keyword was sent to; null: every sender
 * @param deploymentSender whether that sender is the deployment's shared one, used by every clinic that has no sender
 *            of its own
 */
public record RecipientPreferenceChanged(String channel, String address, boolean optedOut, Instant at, String sender,
        boolean deploymentSender) {

    public static final String TYPE = "io.aftercare.recipient.preference.changed.v1";
}
