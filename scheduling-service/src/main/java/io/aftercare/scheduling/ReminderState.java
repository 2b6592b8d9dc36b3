package io.aftercare.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The life of a reminder's timer. */
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
}
