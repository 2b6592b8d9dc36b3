package io.aftercare.scheduling.service;

import java.util.List;

import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.Reminder;

/** A booking with every reminder of its plan, the pending ones and those kept as history. */
public record BookingPlan(Booking booking, List<Reminder> reminders) {
}
