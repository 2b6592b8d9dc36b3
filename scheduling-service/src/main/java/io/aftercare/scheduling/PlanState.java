package io.aftercare.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a booking's reminders follow its current details. */
public enum PlanState {
    /** Waiting for the guidance service: accepted, planned as soon as it answers. */
    @JsonProperty("planning")
    PENDING,
    /** The reminders follow the booking's current details and protocol version. */
    @JsonProperty("planned")
    PLANNED,
    /** Guidance cannot plan it (it knows no such treatment); the reason is kept. */
    @JsonProperty("failed")
    FAILED,
    /** Cancelled or no-show: nothing is planned. */
    @JsonProperty("none")
    NONE
}
