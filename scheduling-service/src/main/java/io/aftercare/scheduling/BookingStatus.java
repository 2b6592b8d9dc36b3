package io.aftercare.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a booking stands, as the clinic's booking system reports it. */
public enum BookingStatus {
    @JsonProperty("booked")
    BOOKED, @JsonProperty("cancelled")
    CANCELLED, @JsonProperty("no-show")
    NO_SHOW, @JsonProperty("completed")
    COMPLETED;

    /** Whether reminders should still go out for a booking in this status. */
    public boolean wantsReminders() {
        return this == BOOKED || this == COMPLETED;
    }
}
