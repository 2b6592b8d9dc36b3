package io.aftercare.guidance.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.guidance.model.Channel;
import io.aftercare.guidance.model.MessageBudget;
import io.aftercare.guidance.model.SendWindow;
import io.aftercare.problem.Problem.FieldError;

/**
 * Proves a protocol's plans keep their promises before it is published or a clinic's override takes effect: plans
 * for treatments ending at awkward hours in zones far apart, in every language, keep the message budget, never put
 * two texts in one minute, fit every text in one GSM-7 segment, and leave nothing out but what consent excludes.
 */
@ApplicationScoped
public class PlanChecks {

    static final List<LocalTime> END_TIMES = List.of(LocalTime.of(6, 30), LocalTime.of(10, 0), LocalTime.of(17, 0),
            LocalTime.of(20, 30), LocalTime.of(22, 0));
    static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Madrid"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"));
    /** A Saturday before the European spring change, so plans cross it. */
    static final LocalDate REFERENCE_DAY = LocalDate.of(2026, 3, 28);

    private final PlanCalculator planner;

    public PlanChecks(PlanCalculator planner) {
        this.planner = planner;
    }

    /** The base protocol as a clinic without an override gets it, with the marketing message switched on. */
    public List<FieldError> check(String field, io.aftercare.guidance.model.ProtocolContent content) {
        return check(field, new EffectiveProtocol("check", 0, null, null, content.title(), content.defaultLocale(),
                SendWindow.DEFAULT, content.parameters(), content.rules(), null, content.effectiveBudget(), true));
    }

    public List<FieldError> check(String field, EffectiveProtocol protocol) {
        Set<String> problems = new LinkedHashSet<>();
        for (String locale : ContentValidator.REQUIRED_LOCALES) {
            for (ZoneId zone : ZONES) {
                for (LocalTime end : END_TIMES) {
                    PlanCalculator.Plan plan = planner.plan(protocol, new PlanCalculator.Request(
                            LocalDateTime.of(REFERENCE_DAY, end).atZone(zone).toInstant(), zone, locale,
                            protocol.sendWindow() == null ? SendWindow.DEFAULT : protocol.sendWindow(),
                            "W".repeat(Placeholders.FIRST_NAME_MAX), true));
                    problems.addAll(problems(plan, protocol.budget(), zone, REFERENCE_DAY, end + " in " + zone
                            + " (" + locale + ")"));
                }
            }
        }
        return problems.stream().map(problem -> new FieldError(field, problem)).toList();
    }

    /** @param dayZero the local day the treatment ended: weeks count from it */
    static List<String> problems(PlanCalculator.Plan plan, MessageBudget budget, ZoneId zone, LocalDate dayZero,
            String which) {
        List<String> problems = new ArrayList<>();
        List<PlannedReminder> texts = plan.moments().stream()
                .filter(m -> m.channels().contains(Channel.SMS))
                .toList();
        if (budget.smsInAll() != null && texts.size() > budget.smsInAll()) {
            problems.add("a treatment ending " + which + " gets " + texts.size() + " texts; the budget allows "
                    + budget.smsInAll());
        }
        Map<LocalDate, Integer> perDay = new HashMap<>();
        Map<Long, Integer> perWeek = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            PlannedReminder text = texts.get(i);
            LocalDate day = text.dueAt().atZone(zone).toLocalDate();
            perDay.merge(day, 1, Integer::sum);
            perWeek.merge(ChronoUnit.DAYS.between(dayZero, day) / 7, 1, Integer::sum);
            if (i > 0 && Duration.between(texts.get(i - 1).dueAt(), text.dueAt()).compareTo(budget.minSpacing()) < 0
                    && text.priority() != io.aftercare.guidance.model.Priority.URGENT) {
                problems.add("a treatment ending " + which + " gets two texts less than "
                        + budget.minSpacing().toMinutes() + " minutes apart");
            }
            SmsText.problem(text.messages().sms())
                    .ifPresent(problem -> problems.add("a text of a treatment ending " + which + " " + problem));
        }
        if (budget.smsPerDay() != null && perDay.values().stream().anyMatch(n -> n > budget.smsPerDay())) {
            problems.add("a treatment ending " + which + " gets more than " + budget.smsPerDay() + " texts a day");
        }
        if (budget.smsPerWeek() != null && perWeek.values().stream().anyMatch(n -> n > budget.smsPerWeek())) {
            problems.add("a treatment ending " + which + " gets more than " + budget.smsPerWeek() + " texts a week");
        }
        plan.placements().stream()
                .filter(p -> "omitted".equals(p.via()) && !p.reason().contains("marketing")
                        && !p.reason().contains("further sessions"))
                .forEach(p -> problems.add("rule " + p.ruleKey() + " of a treatment ending " + which
                        + " reaches the patient neither by text nor by email: " + p.reason()));
        return problems;
    }
}
