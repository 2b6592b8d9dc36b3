package io.aftercare.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Urgent reminders may reach a patient outside their send window; tips may not. */
public enum Priority {
    @JsonProperty("urgent")
    URGENT, @JsonProperty("normal")
    NORMAL
}
