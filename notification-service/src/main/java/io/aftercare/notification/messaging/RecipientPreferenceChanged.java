package io.aftercare.notification.messaging;

import java.time.Instant;

/** The data of a {@code recipient-preferences} event: a patient opted out of, or back into, a channel. */
public record RecipientPreferenceChanged(String channel, String address, boolean optedOut, Instant at) {

    public static final String TYPE = "io.aftercare.recipient.preference.changed.v1";
}
