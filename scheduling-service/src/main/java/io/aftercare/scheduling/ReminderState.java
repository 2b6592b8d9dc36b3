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
    EXPIRED
}
