package io.aftercare.scheduling.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.BookingStatus;
import io.aftercare.scheduling.PlanState;
import io.aftercare.scheduling.Priority;
import io.aftercare.scheduling.Reminder;
import io.aftercare.scheduling.ReminderState;
import io.aftercare.scheduling.service.BookingPlan;

/** A booking as its clinic sees it: the treatment and the plan of reminders, in UTC and on the patient's clock. */
public record BookingResponse(UUID id, String clinicId, String externalId, Long sourceVersion, BookingStatus status,
        String treatmentType, Instant treatmentStart, Instant treatmentEnd, String timeZone, PlanState planState,
        Integer protocolVersion, String planError, CheckIn checkIn, List<ReminderView> reminders) {

    /** The patient's latest answer to the check-in: 1 (fine) to 5 (much worse). */
    public record CheckIn(int score, Instant answeredAt) {
    }

    public record ReminderView(UUID id, String ruleKey, int occurrence, String category, int protocolVersion,
            Priority priority, List<String> channels, Instant dueAt, LocalDateTime dueLocal, Instant expiresAt,
            ReminderState state) {

        static ReminderView of(Reminder r, ZoneId zone) {
            return new ReminderView(r.id, r.ruleKey, r.occurrence, r.category, r.protocolVersion, r.priority,
                    Arrays.asList(r.channels.split(",")), r.dueAt, LocalDateTime.ofInstant(r.dueAt, zone),
                    r.expiresAt, r.state);
        }
    }

    static final Comparator<Reminder> PLAN_ORDER = Comparator.comparing((Reminder r) -> r.dueAt)
            .thenComparing(r -> r.ruleKey)
            .thenComparingInt(r -> r.occurrence)
            .thenComparing(r -> r.createdAt)
            .thenComparing(r -> r.id);

    public static BookingResponse of(BookingPlan plan) {
        return of(plan.booking(), plan.reminders());
    }

    public static BookingResponse of(Booking booking, List<Reminder> reminders) {
        ZoneId zone = ZoneId.of(booking.timeZone);
        List<ReminderView> views = reminders.stream().sorted(PLAN_ORDER).map(r -> ReminderView.of(r, zone)).toList();
        return new BookingResponse(booking.id, booking.clinicId, booking.externalId, booking.sourceVersion,
                booking.status, booking.treatmentType, booking.treatmentStart, booking.treatmentEnd, booking.timeZone,
                booking.planState, booking.protocolVersion, booking.planError,
                booking.checkInScore == null ? null : new CheckIn(booking.checkInScore, booking.checkInAt), views);
    }
}
