package io.aftercare.scheduling.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.Priority;

/**
 * Turns a booking into its reminders. For now the plan is one built-in reminder at the end of the treatment, the
 * first aftercare advice of both source articles; the guidance service's plan endpoint replaces it (issue 4), so that
 * plans are computed in one place only.
 */
@ApplicationScoped
public class ReminderPlanner {

    static final String FIRST_CARE_RULE = "first-care";
    static final Duration FIRST_CARE_VALIDITY = Duration.ofHours(12);

    public List<PlannedReminder> plan(Booking booking) {
        String text = "Hi " + booking.firstName + ", your aftercare starts now: wash with a gentle cleanser, "
                + "pat dry with a clean towel and skip makeup today. Reply STOP to opt out.";
        return List.of(new PlannedReminder(FIRST_CARE_RULE, 0, 0, Priority.URGENT, booking.treatmentEnd,
                booking.treatmentEnd.plus(FIRST_CARE_VALIDITY), text));
    }
}
