package io.aftercare.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of a {@code recipient-preferences} event (contracts/schemas/recipient-preference-changed.schema.json): a
 * patient opted out of, or back into, a channel. Notification writes it, scheduling reads it. A text opt-out (STOP,
 * START) concerns the sender the patient answered, as carriers treat it: another clinic's own number still reaches
 * them.
 *
 * @param channel {@code sms} or {@code email}
 * @param address the phone number (E.164) or email address
 * @param sender the number or Messaging Service SID the keyword was sent to; null (also events from before senders
 *            were named): every sender
 * @param deploymentSender whether that sender is the deployment's shared one, used by every clinic that has no sender
 *            of its own
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecipientPreferenceChanged(String channel, String address, boolean optedOut, Instant at, String sender,
        boolean deploymentSender) {

    public static final String TYPE = "io.aftercare.recipient.preference.changed.v1";
}
