package io.aftercare.guidance.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a piece of advice is about. */
public enum Category {
    @JsonProperty("expectations")
    EXPECTATIONS, @JsonProperty("cleansing")
    CLEANSING, @JsonProperty("moisturizing")
    MOISTURIZING, @JsonProperty("sun")
    SUN, @JsonProperty("makeup")
    MAKEUP, @JsonProperty("skin-handling")
    SKIN_HANDLING, @JsonProperty("activity")
    ACTIVITY, @JsonProperty("hydration")
    HYDRATION, @JsonProperty("follow-up")
    FOLLOW_UP,
    /** A question the patient answers by text; the notification service reads the answer and escalates a bad one. */
    @JsonProperty("check-in")
    CHECK_IN
}
