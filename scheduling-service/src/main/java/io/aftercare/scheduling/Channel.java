package io.aftercare.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a patient prefers to be reached. */
public enum Channel {
    @JsonProperty("sms")
    SMS, @JsonProperty("email")
    EMAIL
}
