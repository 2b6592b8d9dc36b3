package io.aftercare.guidance.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Urgent advice may reach a patient outside their send window; everything else waits for it. */
public enum Priority {
    @JsonProperty("urgent")
    URGENT, @JsonProperty("normal")
    NORMAL
}
