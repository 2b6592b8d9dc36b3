package io.aftercare.guidance.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.guidance.model.Channel;
import io.aftercare.guidance.model.MessageBudget;
import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.model.Source;
import io.aftercare.guidance.model.Template;
import io.aftercare.guidance.model.Timing;
import io.aftercare.problem.InputPatterns;
import io.aftercare.problem.Problem.FieldError;

/**
 * Checks that protocol content can be published: every rule complete and timed, every text in every required language,
 * every SMS one discreet GSM-7 segment even with the longest names. Reports every fault at once, by field.
 */
@ApplicationScoped
public class ContentValidator {

    /** Languages every base protocol rule must speak; clinics' own rules need the protocol's default one. */
    public static final List<String> REQUIRED_LOCALES = List.of("en", "es");

    private static final String KEY_PATTERN = InputPatterns.KEY;
    private static final int LONGEST_PARAMETER = 24 * 30;

    public List<FieldError> validateProtocol(ProtocolContent content) {
        List<FieldError> errors = new ArrayList<>();
        if (content.title() == null || content.title().isBlank()) {
            errors.add(new FieldError("title", "must not be blank"));
        }
        if (content.defaultLocale() == null || !REQUIRED_LOCALES.contains(content.defaultLocale())) {
            errors.add(new FieldError("defaultLocale", "must be one of " + REQUIRED_LOCALES));
        }
        Map<String, Integer> parameters = content.parameters() == null ? Map.of() : content.parameters();
        errors.addAll(validateParameters("parameters", parameters));
        errors.addAll(ClinicalFloors.check("parameters", parameters));
        errors.addAll(validateBudget("budget", content.budget()));
        if (content.rules() == null || content.rules().isEmpty()) {
            errors.add(new FieldError("rules", "must hold at least one rule"));
            return errors;
        }
        errors.addAll(validateRules("rules", content.rules(), parameters, REQUIRED_LOCALES, Set.of()));
        return errors;
    }

    public List<FieldError> validateParameters(String field, Map<String, Integer> parameters) {
        List<FieldError> errors = new ArrayList<>();
        parameters.forEach((name, value) -> {
            if (!name.matches("[a-z][A-Za-z0-9]{0,63}")) {
                errors.add(new FieldError(field + "." + name, "must be a camelCase name"));
            }
            if (value == null || value < 1 || value > LONGEST_PARAMETER) {
                errors.add(new FieldError(field + "." + name, "must be between 1 and " + LONGEST_PARAMETER));
            }
        });
        return errors;
    }

    /**
     * @param takenKeys keys the rules must not reuse (a clinic's own rules beside the base protocol's)
     */
    public List<FieldError> validateRules(String field, List<Rule> rules, Map<String, Integer> parameters,
            List<String> requiredLocales, Set<String> takenKeys) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>(takenKeys);
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String at = field + "[" + i + "]";
            if (rule == null) {
                errors.add(new FieldError(at, "must not be null"));
            } else {
                errors.addAll(validateRule(at, rule, keys, parameters, requiredLocales));
            }
        }
        return errors;
    }

    /** @param keys the keys taken so far; the rule's own is added */
    private static List<FieldError> validateRule(String at, Rule rule, Set<String> keys,
            Map<String, Integer> parameters, List<String> requiredLocales) {
        List<FieldError> errors = new ArrayList<>();
        if (rule.key() == null || !rule.key().matches(KEY_PATTERN)) {
            errors.add(new FieldError(at + ".key", "must match " + KEY_PATTERN));
        } else if (!keys.add(rule.key())) {
            errors.add(new FieldError(at + ".key", "is used by another rule"));
        }
        require(errors, at + ".category", rule.category());
        require(errors, at + ".priority", rule.priority());
        if (rule.validity() == null || rule.validity().isNegative() || rule.validity().isZero()) {
            errors.add(new FieldError(at + ".validity", "must be a positive duration such as PT12H"));
        }
        errors.addAll(validateSources(at + ".sources", rule.sources()));
        if (rule.rank() != null && (rule.rank() < 1 || rule.rank() > 99)) {
            errors.add(new FieldError(at + ".rank", "must be between 1 and 99"));
        }
        errors.addAll(validateTiming(at + ".timing", rule.timing(), parameters));
        if (rule.channels() == null || rule.channels().isEmpty()) {
            errors.add(new FieldError(at + ".channels", "must name at least one channel"));
        } else {
            errors.addAll(validateTemplates(at + ".templates", rule, parameters, requiredLocales));
        }
        return errors;
    }

    private static List<FieldError> validateSources(String at, List<Source> sources) {
        if (sources == null || sources.isEmpty()) {
            return List.of(new FieldError(at, "must name where the advice comes from"));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            Source source = sources.get(s);
            if (source == null || source.title() == null || source.title().isBlank() || source.passage() == null
                    || source.passage().isBlank()) {
                errors.add(
                        new FieldError(at + "[" + s + "]", "must give the article's title and the passage it quotes"));
            }
        }
        return errors;
    }

    /** A budget asks for at least one text a day and an hour between texts, and no more than three a day. */
    public List<FieldError> validateBudget(String field, MessageBudget budget) {
        List<FieldError> errors = new ArrayList<>();
        if (budget == null) {
            return errors;
        }
        if (budget.smsPerDay() != null && (budget.smsPerDay() < 1 || budget.smsPerDay() > 3)) {
            errors.add(new FieldError(field + ".smsPerDay", "must be between 1 and 3"));
        }
        if (budget.smsPerWeek() != null && (budget.smsPerWeek() < 1 || budget.smsPerWeek() > 21)) {
            errors.add(new FieldError(field + ".smsPerWeek", "must be between 1 and 21"));
        }
        if (budget.smsInAll() != null && (budget.smsInAll() < 1 || budget.smsInAll() > 20)) {
            errors.add(new FieldError(field + ".smsInAll", "must be between 1 and 20"));
        }
        if (budget.minSpacing() != null && budget.minSpacing().compareTo(Duration.ofMinutes(60)) < 0) {
            errors.add(new FieldError(field + ".minSpacing", "must be at least PT60M: texts closer than an hour "
                    + "feel like a burst"));
        }
        return errors;
    }

    private static List<FieldError> validateTiming(String at, Timing timing, Map<String, Integer> parameters) {
        List<FieldError> errors = new ArrayList<>();
        if (timing == null || timing.kind() == null) {
            errors.add(new FieldError(at + ".kind", "must be after, local-time or daily"));
            return errors;
        }
        if (timing.notSooner() != null
                && (timing.notSooner().isNegative() || timing.notSooner().compareTo(Duration.ofDays(2)) > 0)) {
            errors.add(new FieldError(at + ".notSooner", "must be between PT0S and P2D"));
        }
        switch (timing.kind()) {
            case AFTER -> validateAfter(errors, at, timing, parameters);
            case LOCAL_TIME -> {
                dayInRange(errors, at, timing.day());
                require(errors, at + ".at", timing.at());
            }
            case DAILY -> validateDaily(errors, at, timing);
        }
        return errors;
    }

    /** A duration after the treatment: given, or named by a parameter of the protocol, never both. */
    private static void validateAfter(List<FieldError> errors, String at, Timing timing,
            Map<String, Integer> parameters) {
        if ((timing.after() == null) == (timing.afterParameter() == null)) {
            errors.add(new FieldError(at, "needs either after or afterParameter"));
        } else if (timing.after() != null
                && (timing.after().isNegative() || timing.after().compareTo(Duration.ofDays(365)) > 0)) {
            errors.add(new FieldError(at + ".after", "must be between PT0S and P365D"));
        } else if (timing.afterParameter() != null && !parameters.containsKey(timing.afterParameter())) {
            errors.add(new FieldError(at + ".afterParameter", "names no parameter of the protocol"));
        }
    }

    private static void validateDaily(List<FieldError> errors, String at, Timing timing) {
        dayInRange(errors, at, timing.day());
        if (timing.times() == null || timing.times().isEmpty() || timing.times().contains(null)) {
            errors.add(new FieldError(at + ".times", "must list at least one time of day"));
        }
        if (timing.days() == null || timing.days() < 1 || timing.days() > 60) {
            errors.add(new FieldError(at + ".days", "must be between 1 and 60"));
        }
    }

    private static List<FieldError> validateTemplates(String at, Rule rule, Map<String, Integer> parameters,
            List<String> requiredLocales) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Template> templates = rule.templates() == null ? Map.of() : rule.templates();
        for (String locale : requiredLocales) {
            if (!templates.containsKey(locale)) {
                errors.add(new FieldError(at + "." + locale, "is missing: every rule must speak " + requiredLocales));
            }
        }
        Map<String, String> longest = Placeholders.longest(parameters);
        templates.forEach((locale, template) -> {
            String here = at + "." + locale;
            if (!locale.matches(InputPatterns.LANGUAGE_TAG)) {
                errors.add(new FieldError(here, "is not a language tag such as en or es-MX"));
            }
            if (template == null) {
                errors.add(new FieldError(here, "must not be null"));
                return;
            }
            if (rule.channels().contains(Channel.SMS)) {
                validateSms(errors, here + ".sms", rule, locale, template.sms(), longest);
            }
            if (rule.channels().contains(Channel.EMAIL)) {
                validateEmail(errors, here, template, longest.keySet());
            }
        });
        return errors;
    }

    /**
     * The tip must fit a text on its own with the greeting and the longest names; a tip of the first text (due at the
     * end of the treatment) also with the opt-out line.
     */
    private static void validateSms(List<FieldError> errors, String field, Rule rule, String locale, String sms,
            Map<String, String> longest) {
        if (sms == null || sms.isBlank()) {
            errors.add(new FieldError(field, "must not be blank for a rule sent by SMS"));
            return;
        }
        unknown(errors, field, sms, longest.keySet());
        MomentMessages.Frame frame = MomentMessages.FRAMES.getOrDefault(locale.split("-")[0],
                MomentMessages.FRAMES.get("en"));
        boolean first = rule.timing() != null && rule.timing().after() != null
                && rule.timing().after().compareTo(PlanCalculator.LEAVING) <= 0;
        SmsText.problem(TemplateRenderer.render(frame.greeting() + " " + sms + (first ? " " + frame.optOut() : ""),
                longest))
                .ifPresent(problem -> errors.add(new FieldError(field,
                        "(a tip with the greeting" + (first ? " and the opt-out line" : "") + ") " + problem)));
    }

    private static void validateEmail(List<FieldError> errors, String here, Template template, Set<String> known) {
        if (template.emailSubject() == null || template.emailSubject().isBlank()) {
            errors.add(new FieldError(here + ".emailSubject", "must not be blank for a rule sent by email"));
        } else {
            unknown(errors, here + ".emailSubject", template.emailSubject(), known);
        }
        if (template.emailBody() == null || template.emailBody().isBlank()) {
            errors.add(new FieldError(here + ".emailBody", "must not be blank for a rule sent by email"));
        } else {
            unknown(errors, here + ".emailBody", template.emailBody(), known);
        }
    }

    private static void unknown(List<FieldError> errors, String field, String template, Set<String> known) {
        Set<String> unknown = TemplateRenderer.unknownPlaceholders(template, known);
        if (!unknown.isEmpty()) {
            errors.add(new FieldError(field, "uses unknown placeholders " + unknown));
        }
    }

    private static void dayInRange(List<FieldError> errors, String at, Integer day) {
        if (day == null || day < 0 || day > 365) {
            errors.add(new FieldError(at + ".day", "must be between 0 (the day of the treatment) and 365"));
        }
    }

    private static void require(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "must not be null"));
        }
    }
}
