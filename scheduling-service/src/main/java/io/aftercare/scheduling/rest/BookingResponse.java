package io.aftercare.scheduling.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.BookingStatus;
import io.aftercare.scheduling.Priority;
import io.aftercare.scheduling.Reminder;
import io.aftercare.scheduling.ReminderState;

/** A booking as its clinic sees it: the treatment and the plan of reminders, in UTC and on the patient's clock. */
public record BookingResponse(UUID id, String clinicId, String externalId, BookingStatus status, String treatmentType,
        Instant treatmentStart, Instant treatmentEnd, String timeZone, List<ReminderView> reminders) {

    public record ReminderView(UUID id, String ruleKey, int occurrence, int protocolVersion, Priority priority,
            Instant dueAt, LocalDateTime dueLocal, Instant expiresAt, ReminderState state) {
    }

    public static BookingResponse of(Booking booking, List<Reminder> reminders) {
        ZoneId zone = ZoneId.of(booking.timeZone);
        List<ReminderView> views = reminders.stream()
                .sorted(Comparator.comparing((Reminder r) -> r.dueAt).thenComparing(r -> r.ruleKey))
                .map(r -> new ReminderView(r.id, r.ruleKey, r.occurrence, r.protocolVersion, r.priority, r.dueAt,
                        LocalDateTime.ofInstant(r.dueAt, zone), r.expiresAt, r.state))
                .toList();
        return new BookingResponse(booking.id, booking.clinicId, booking.externalId, booking.status,
                booking.treatmentType, booking.treatmentStart, booking.treatmentEnd, booking.timeZone, views);
    }
}
