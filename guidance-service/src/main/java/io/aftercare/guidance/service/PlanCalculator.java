package io.aftercare.guidance.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.model.SendWindow;
import io.aftercare.guidance.model.Timing;

/**
 * Turns a protocol into a patient's care moments: the one place plans are computed, for the preview, for every
 * booking, and so for what is sent.
 *
 * <p>
 * First each rule's occurrences are placed on the patient's clock. Durations are elapsed time from the end of the
 * treatment ("48 hours after" stays 48 real hours across a clock change); wall-clock rules are placed on the
 * patient's calendar in the patient's zone, where a time that does not exist (a spring-forward gap) moves forward by
 * the gap and an ambiguous one (autumn overlap) takes the earlier instant. A non-urgent occurrence outside the send
 * window moves to the window's next opening, except that the first text (due at the end of the treatment) may go until
 * {@link #FIRST_TEXT_UNTIL}, so that "no makeup, no workout tonight" reaches a patient who left the clinic in the
 * evening. Then {@link MomentBundler} bundles them into moments under the message budget, and {@link MomentMessages}
 * writes each moment's text and email.
 */
@ApplicationScoped
public class PlanCalculator {

    /** The latest local time at which the text at the end of a treatment still goes out the same evening. */
    public static final LocalTime FIRST_TEXT_UNTIL = LocalTime.of(21, 30);
    /** Advice due this close to the end of the treatment belongs to the first text. */
    static final Duration LEAVING = Duration.ofMinutes(30);

    /**
     * @param marketingConsent the patient agreed to messages about booking more
     */
    public record Request(Instant treatmentEnd, ZoneId zone, String locale, SendWindow window, String firstName,
            boolean marketingConsent) {

        public Request(Instant treatmentEnd, ZoneId zone, String locale, SendWindow window, String firstName) {
            this(treatmentEnd, zone, locale, window, firstName, false);
        }
    }

    /** The moments, and where every rule occurrence went (including those the plan leaves out, and why). */
    public record Plan(List<PlannedReminder> moments, List<PlannedReminder.Placement> placements) {
    }

    public Plan plan(EffectiveProtocol protocol, Request request) {
        List<PlannedReminder.Placement> omitted = new ArrayList<>();
        List<RuleOccurrence> occurrences = new ArrayList<>();
        for (Rule rule : protocol.rules()) {
            List<ZonedDateTime> times = times(rule.timing(), protocol.parameters(), request);
            for (int occurrence = 0; occurrence < times.size(); occurrence++) {
                ZonedDateTime raw = times.get(occurrence);
                if (rule.isMarketing() && !(protocol.recommendsNextSession() && request.marketingConsent())) {
                    omitted.add(new PlannedReminder.Placement(rule.key(), occurrence, raw.toInstant(), null,
                            "omitted", protocol.recommendsNextSession()
                                    ? "the patient has not agreed to marketing messages"
                                    : "the clinic has not recommended further sessions"));
                    continue;
                }
                boolean leaving = !raw.toInstant().isAfter(request.treatmentEnd().plus(LEAVING));
                ZonedDateTime due = rule.priority() == io.aftercare.guidance.model.Priority.URGENT
                        ? raw
                        : intoWindow(raw, leaving ? extendedForFirstText(request.window()) : request.window());
                occurrences.add(new RuleOccurrence(rule, occurrence, due, due.toInstant().plus(rule.validity()),
                        leaving));
            }
        }
        occurrences.sort(Comparator.comparing((RuleOccurrence o) -> o.due().toInstant())
                .thenComparing(o -> o.rule().effectiveRank())
                .thenComparing(o -> o.rule().key()));
        MomentMessages messages = new MomentMessages(protocol, request);
        MomentBundler.Result bundled = new MomentBundler(protocol.budget(),
                request.treatmentEnd().atZone(request.zone()).toLocalDate()).bundle(occurrences, messages);
        List<PlannedReminder.Placement> placements = new ArrayList<>(bundled.placements());
        placements.addAll(omitted);
        placements.sort(Comparator.comparing(PlannedReminder.Placement::dueAt)
                .thenComparing(PlannedReminder.Placement::ruleKey));
        return new Plan(bundled.moments(), placements);
    }

    private static SendWindow extendedForFirstText(SendWindow window) {
        return window.end().isBefore(FIRST_TEXT_UNTIL) ? new SendWindow(window.start(), FIRST_TEXT_UNTIL) : window;
    }

    private static List<ZonedDateTime> times(Timing timing, Map<String, Integer> parameters, Request request) {
        ZonedDateTime end = request.treatmentEnd().atZone(request.zone());
        LocalDate treatmentDay = end.toLocalDate();
        List<ZonedDateTime> times = switch (timing.kind()) {
            case AFTER -> {
                Duration after = timing.after() != null
                        ? timing.after()
                        : Duration.ofHours(parameters.get(timing.afterParameter()));
                yield List.of(request.treatmentEnd().plus(after).atZone(request.zone()));
            }
            case LOCAL_TIME -> List.of(onDay(treatmentDay.plusDays(timing.day()), timing.at(), request.zone()));
            case DAILY -> {
                List<ZonedDateTime> daily = new ArrayList<>();
                for (int day = 0; day < timing.days(); day++) {
                    for (LocalTime time : timing.times().stream().sorted().toList()) {
                        daily.add(onDay(treatmentDay.plusDays(timing.day() + day), time, request.zone()));
                    }
                }
                yield daily;
            }
        };
        ZonedDateTime soonest = timing.notSooner() == null
                ? end
                : request.treatmentEnd().plus(timing.notSooner()).atZone(request.zone());
        List<ZonedDateTime> kept = new ArrayList<>();
        for (ZonedDateTime time : times) {
            if (timing.kind() == io.aftercare.guidance.model.TimingKind.DAILY && time.isBefore(end)) {
                continue; // advice for a moment before the treatment ended is not for this patient
            }
            ZonedDateTime moved = time.isBefore(soonest) ? soonest : time;
            if (kept.isEmpty() || !kept.get(kept.size() - 1).equals(moved)) {
                kept.add(moved);
            }
        }
        return kept;
    }

    /** ZonedDateTime.of resolves gaps forward and overlaps to the earlier offset, as the class comment promises. */
    private static ZonedDateTime onDay(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(day, time, zone);
    }

    static ZonedDateTime intoWindow(ZonedDateTime due, SendWindow window) {
        LocalTime time = due.toLocalTime();
        if (window.contains(time)) {
            return due;
        }
        LocalDate day = time.isBefore(window.start()) ? due.toLocalDate() : due.toLocalDate().plusDays(1);
        return ZonedDateTime.of(LocalDateTime.of(day, window.start()), due.getZone());
    }

    /** es-MX falls back to es, and then to the protocol's default language. */
    static String localeOf(Rule rule, String requested, String defaultLocale) {
        if (requested != null) {
            if (rule.templates().containsKey(requested)) {
                return requested;
            }
            String language = requested.split("-")[0].toLowerCase(Locale.ROOT);
            if (rule.templates().containsKey(language)) {
                return language;
            }
        }
        return defaultLocale;
    }
}
