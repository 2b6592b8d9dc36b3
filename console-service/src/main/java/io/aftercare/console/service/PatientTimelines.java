package io.aftercare.console.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import io.aftercare.console.model.BookingCare;
import io.aftercare.console.model.BookingRecord;
import io.aftercare.console.model.BookingRecord.Moment;
import io.aftercare.console.model.ConversationRecord;
import io.aftercare.console.model.DeliveryRecord;
import io.aftercare.console.model.PatientTimeline;
import io.aftercare.console.model.TimelineEntry;

/**
 * Puts a booking's story in time order, on the patient's clock: the booking, the treatment, each care moment with
 * what was sent, delivered or failed and why, the re-plans and status changes, the patient's replies and check-ins,
 * the texts sent to them in answer, and their opt-outs. Nothing is fetched here; this only orders what the services
 * said.
 */
public final class PatientTimelines {

    /** Within one instant: the booking before its plan, a moment before the reply it drew. */
    private static final List<String> ORDER = List.of("booked", "replan", "status", "treatment", "moment", "message",
            "reply", "opt-out");

    private PatientTimelines() {
    }

    public static PatientTimeline build(BookingCare care, String lang) {
        BookingRecord booking = care.booking();
        ZoneId zone = zoneOf(booking);
        DateTimeFormatter local = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.forLanguageTag(lang))
                .withZone(zone);
        Map<UUID, List<DeliveryRecord>> byReminder = care.deliveries().stream()
                .filter(d -> d.reminderId() != null)
                .collect(Collectors.groupingBy(DeliveryRecord::reminderId));
        Set<UUID> moments = booking.moments().stream().map(Moment::id).collect(Collectors.toSet());
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(entry("booked", "booked", booking.createdAt(), local, null));
        entries.add(entry("treatment", booking.status(), booking.treatmentStart(), local, booking.treatmentType()));
        for (Moment moment : booking.moments()) {
            List<DeliveryRecord> deliveries = byReminder.getOrDefault(moment.id(), List.of());
            entries.add(new TimelineEntry("moment", momentState(moment, deliveries), moment.dueAt(),
                    local.format(moment.dueAt()), moment, deliveries, null, null, null));
        }
        care.deliveries().stream()
                .filter(d -> d.reminderId() == null || !moments.contains(d.reminderId()))
                .forEach(d -> entries.add(new TimelineEntry("message", d.status(), d.createdAt(),
                        local.format(d.createdAt()), null, List.of(d), null, null, d.ruleKey())));
        entries.addAll(replans(booking, local));
        if (!"booked".equals(booking.status())) {
            entries.add(entry("status", booking.status(), booking.updatedAt(), local, booking.status()));
        }
        conversation(care.conversation(), local, entries);
        entries.sort(Comparator.comparing(TimelineEntry::at)
                .thenComparingInt(e -> ORDER.indexOf(e.kind()))
                .thenComparing(e -> e.moment() == null ? "" : e.moment().ruleKey()));
        return new PatientTimeline(booking, zone.getId(), local.format(booking.treatmentStart()), entries);
    }

    /** A moment's delivery says more than its plan state: the latest delivery's status, when there is one. */
    static String momentState(Moment moment, List<DeliveryRecord> deliveries) {
        return deliveries.stream()
                .max(Comparator.comparing(DeliveryRecord::createdAt))
                .map(DeliveryRecord::status)
                .orElse(moment.state());
    }

    /**
     * Each time the plan was laid again after the first (a reschedule, a changed protocol or clinic setting, a START):
     * the moments planned then are the new plan; the ones it replaced show as revoked.
     */
    static List<TimelineEntry> replans(BookingRecord booking, DateTimeFormatter local) {
        TreeSet<Instant> plans = booking.moments().stream()
                .map(Moment::plannedAt)
                .collect(Collectors.toCollection(TreeSet::new));
        if (plans.size() < 2) {
            return List.of();
        }
        return plans.tailSet(plans.first(), false).stream().map(at -> {
            long laid = booking.moments().stream().filter(m -> at.equals(m.plannedAt())).count();
            return new TimelineEntry("replan", "replanned", at, local.format(at), null, List.of(), null, null,
                    Long.toString(laid));
        }).toList();
    }

    private static void conversation(ConversationRecord conversation, DateTimeFormatter local,
            List<TimelineEntry> entries) {
        for (ConversationRecord.Reply reply : conversation.replies()) {
            String state = reply.urgent() ? "urgent" : reply.state();
            entries.add(new TimelineEntry("reply", state, reply.receivedAt(), local.format(reply.receivedAt()), null,
                    List.of(), reply, null, null));
        }
        for (ConversationRecord.OptOut optOut : conversation.optOuts()) {
            entries.add(new TimelineEntry("opt-out", "opted-out", optOut.since(), local.format(optOut.since()), null,
                    List.of(), null, optOut, optOut.keyword()));
        }
    }

    private static TimelineEntry entry(String kind, String state, Instant at, DateTimeFormatter local, String note) {
        return new TimelineEntry(kind, state, at, local.format(at), null, List.of(), null, null, note);
    }

    private static ZoneId zoneOf(BookingRecord booking) {
        try {
            return ZoneId.of(booking.patient().timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
