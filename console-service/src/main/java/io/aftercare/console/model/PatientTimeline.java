package io.aftercare.console.model;

import java.util.List;

/**
 * A booking's whole story for the timeline page: the booking and its patient (masked), the patient's zone (every
 * time of the page is on that clock) and the entries in time order.
 */
public record PatientTimeline(BookingRecord booking, String zone, String treatmentLocal, List<TimelineEntry> entries) {
}
