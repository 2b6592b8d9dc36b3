package io.aftercare.contracts.stray;

/** A service's own copy of an event, as there used to be: {@code EventRecordsTest} must catch it. */
public record ReminderDue(String reminderId) {
}
