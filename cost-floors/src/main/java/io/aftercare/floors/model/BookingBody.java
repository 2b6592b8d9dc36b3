package io.aftercare.floors.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body scheduling's {@code PUT /v1/clinics/{clinicId}/bookings/{externalId}} takes, as the benchmark's
 * SchedulingLoad sends it, parsed once by Jackson. Only presence and the status are checked: the floor of input
 * checks, not the service's field-by-field validation.
 */
public record BookingBody(Patient patient, Treatment treatment, String status) {

    /** The statuses scheduling knows, and how its BookingStatus enum stores them. */
    private static final Set<String> STATUSES = Set.of("booked", "cancelled", "no-show", "completed");

    public record Patient(String firstName, String phone, String email, String locale, String timeZone,
            String preferredChannel, Consent consent) {
    }

    public record Consent(boolean sms, boolean email) {
    }

    public record Treatment(String type, OffsetDateTime startsAt, Integer durationMinutes) {
    }

    /** The fields missing or wrong, empty when the body can be stored. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (patient == null || patient.firstName() == null || patient.locale() == null
                || patient.timeZone() == null || patient.preferredChannel() == null) {
            problems.add("patient: firstName, locale, timeZone and preferredChannel are required");
        }
        if (treatment == null || treatment.type() == null || treatment.startsAt() == null
                || treatment.durationMinutes() == null || treatment.durationMinutes() <= 0) {
            problems.add("treatment: type, startsAt and a positive durationMinutes are required");
        }
        if (status == null || !STATUSES.contains(status)) {
            problems.add("status: one of " + STATUSES);
        }
        return problems;
    }

    /** As scheduling stores the status (its enum's name): booked is BOOKED, no-show is NO_SHOW. */
    public String storedStatus() {
        return status.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** Whether reminders go out for this status, as BookingStatus.wantsReminders says. */
    public boolean wantsReminders() {
        return "booked".equals(status) || "completed".equals(status);
    }
}
