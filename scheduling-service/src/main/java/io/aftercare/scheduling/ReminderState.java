package io.aftercare.scheduling;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The life of a reminder's timer. SQL names the states through this enum ({@link #sql(String)}), never by hand; the
 * partial indexes of the migrations are checked against it by a test.
 */
public enum ReminderState {
    /** Waiting for its due time. */
    @JsonProperty("planned")
    PLANNED,
    /** Published to Kafka and acknowledged by the broker. */
    @JsonProperty("dispatched")
    DISPATCHED,
    /** No longer wanted: the booking changed or was cancelled. */
    @JsonProperty("revoked")
    REVOKED,
    /** Its validity window passed before it could be sent; stale advice is worse than none. */
    @JsonProperty("expired")
    EXPIRED,
    /** The notification service reports it reached the patient. */
    @JsonProperty("delivered")
    DELIVERED,
    /** The notification service reports it could not be delivered (refused, undeliverable or no channel). */
    @JsonProperty("failed")
    FAILED;

    /** Whether the reminder went out to the notification service; such a reminder is never planned again. */
    public boolean wentOut() {
        return this == DISPATCHED || this == DELIVERED || this == FAILED;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z_]+)}");

    /**
     * The SQL with each {@code {STATE}} replaced by that state's quoted literal: {@code state = {PLANNED}} becomes
     * {@code state = 'PLANNED'}. Literals rather than parameters, so that PostgreSQL can match the partial indexes.
     *
     * @throws IllegalArgumentException for a name that is not a state
     */
    public static String sql(String sql) {
        Matcher placeholder = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(out, "'" + valueOf(placeholder.group(1)).name() + "'");
        }
        return placeholder.appendTail(out).toString();
    }
}
