package io.aftercare.guidance.model;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Channel {
    @JsonProperty("sms")
    SMS, @JsonProperty("email")
    EMAIL
}
