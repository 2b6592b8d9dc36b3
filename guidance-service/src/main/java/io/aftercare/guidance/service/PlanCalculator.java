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

import io.aftercare.guidance.model.Channel;
import io.aftercare.guidance.model.Priority;
import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.model.SendWindow;
import io.aftercare.guidance.model.Template;
import io.aftercare.guidance.model.Timing;

/**
 * Turns a protocol into a patient's concrete reminders: the one place plans are computed.
 *
 * <p>
 * Durations are elapsed time from the end of the treatment ("48 hours after" stays 48 real hours across a clock
 * change); wall-clock rules are placed on the patient's calendar in the patient's zone, where a time that does not
 * exist (a spring-forward gap) moves forward by the gap and an ambiguous one (autumn overlap) takes the earlier
 * instant. A non-urgent reminder that falls outside the send window moves to the window's next opening.
 */
@ApplicationScoped
public class PlanCalculator {

    public record Request(Instant treatmentEnd, ZoneId zone, String locale, SendWindow window, String firstName) {
    }

    public List<PlannedReminder> plan(EffectiveProtocol protocol, Request request) {
        Map<String, String> placeholders = Placeholders.of(request.firstName(), protocol.clinicName(),
                protocol.parameters());
        List<PlannedReminder> plan = new ArrayList<>();
        for (Rule rule : protocol.rules()) {
            List<ZonedDateTime> moments = moments(rule.timing(), protocol.parameters(), request);
            Template template = templateFor(rule, request.locale(), protocol.defaultLocale());
            String locale = localeOf(rule, request.locale(), protocol.defaultLocale());
            for (int occurrence = 0; occurrence < moments.size(); occurrence++) {
                ZonedDateTime due = moments.get(occurrence);
                if (rule.priority() != Priority.URGENT) {
                    due = intoWindow(due, request.window());
                }
                plan.add(new PlannedReminder(rule.key(), occurrence, rule.category(), rule.priority(),
                        due.toInstant(), due.toLocalDateTime(), due.toInstant().plus(rule.validity()), rule.channels(),
                        locale, messages(rule, template, placeholders)));
            }
        }
        plan.sort(Comparator.comparing(PlannedReminder::dueAt).thenComparing(PlannedReminder::ruleKey));
        return plan;
    }

    private static List<ZonedDateTime> moments(Timing timing, Map<String, Integer> parameters, Request request) {
        ZonedDateTime end = request.treatmentEnd().atZone(request.zone());
        LocalDate treatmentDay = end.toLocalDate();
        return switch (timing.kind()) {
            case AFTER -> {
                Duration after = timing.after() != null
                        ? timing.after()
                        : Duration.ofHours(parameters.get(timing.afterParameter()));
                yield List.of(request.treatmentEnd().plus(after).atZone(request.zone()));
            }
            case LOCAL_TIME -> List.of(onDay(treatmentDay.plusDays(timing.day()), timing.at(), request.zone()));
            case DAILY -> {
                List<ZonedDateTime> moments = new ArrayList<>();
                for (int day = 0; day < timing.days(); day++) {
                    for (LocalTime time : timing.times().stream().sorted().toList()) {
                        ZonedDateTime moment = onDay(treatmentDay.plusDays(timing.day() + day), time, request.zone());
                        // Advice for a moment before the treatment ended is not for this patient.
                        if (!moment.toInstant().isBefore(request.treatmentEnd())) {
                            moments.add(moment);
                        }
                    }
                }
                yield moments;
            }
        };
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

    private static PlannedReminder.Messages messages(Rule rule, Template template, Map<String, String> placeholders) {
        String sms = rule.channels().contains(Channel.SMS)
                ? TemplateRenderer.render(template.sms(), placeholders)
                : null;
        PlannedReminder.Email email = rule.channels().contains(Channel.EMAIL)
                ? new PlannedReminder.Email(TemplateRenderer.render(template.emailSubject(), placeholders),
                        TemplateRenderer.render(template.emailBody(), placeholders))
                : null;
        return new PlannedReminder.Messages(sms, email);
    }

    private static Template templateFor(Rule rule, String locale, String defaultLocale) {
        return rule.templates().get(localeOf(rule, locale, defaultLocale));
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
