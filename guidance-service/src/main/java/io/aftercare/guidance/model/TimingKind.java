package io.aftercare.guidance.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The three ways a rule can say when it fires; see {@link Timing}. */
public enum TimingKind {
    /** A duration after the end of the treatment: "48 hours after". Elapsed time, blind to clock changes. */
    @JsonProperty("after")
    AFTER,
    /** A wall-clock time on a calendar day of the patient: "the morning after" is day 1 at 09:00. */
    @JsonProperty("local-time")
    LOCAL_TIME,
    /** The same wall-clock times on several consecutive days: "morning and evening for three days". */
    @JsonProperty("daily")
    DAILY
}
