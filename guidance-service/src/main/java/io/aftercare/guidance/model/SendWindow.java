package io.aftercare.guidance.model;

import java.time.LocalTime;

/** The part of the patient's day in which non-urgent advice may arrive: {@code start} inclusive, {@code end} inclusive. */
public record SendWindow(LocalTime start, LocalTime end) {

    public static final SendWindow DEFAULT = new SendWindow(LocalTime.of(8, 0), LocalTime.of(20, 0));

    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && !time.isAfter(end);
    }
}
