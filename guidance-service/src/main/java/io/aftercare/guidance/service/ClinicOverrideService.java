package io.aftercare.guidance.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.events.ProtocolPublished;
import io.aftercare.guidance.ClinicOverride;
import io.aftercare.guidance.messaging.ProtocolPublishedPublisher;
import io.aftercare.guidance.model.ClinicOverrideContent;
import io.aftercare.guidance.model.ConsentBasis;
import io.aftercare.guidance.model.MessageBudget;
import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.model.SendWindow;
import io.aftercare.guidance.repository.ClinicOverrideRepository;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.Problem.FieldError;
import io.aftercare.problem.UnprocessableException;

/** Clinics' departures from the base protocols, and the effective protocol they give. */
@ApplicationScoped
public class ClinicOverrideService {

    private final ClinicOverrideRepository overrides;
    private final ProtocolService protocols;
    private final ProtocolCodec codec;
    private final ContentValidator validator;
    private final PlanChecks planChecks;
    private final ProtocolPublishedPublisher events;
    private final Clock clock;

    public ClinicOverrideService(ClinicOverrideRepository overrides, ProtocolService protocols, ProtocolCodec codec,
            ContentValidator validator, PlanChecks planChecks, ProtocolPublishedPublisher events, Clock clock) {
        this.events = events;
        this.overrides = overrides;
        this.protocols = protocols;
        this.codec = codec;
        this.validator = validator;
        this.planChecks = planChecks;
        this.clock = clock;
    }

    @Transactional
    public Optional<ClinicOverrideContent> find(String clinicId, String treatment) {
        return overrides.find(clinicId, treatment).map(o -> codec.override(o.content));
    }

    /**
     * Stores the override if the effective protocol it makes is still publishable.
     *
     * @return whether it was created (rather than replaced)
     */
    @Transactional
    public boolean save(String clinicId, String treatment, ClinicOverrideContent content) {
        ProtocolContent base = protocols.latest(treatment).content();
        List<FieldError> errors = validate(base, content);
        if (!errors.isEmpty()) {
            throw new UnprocessableException("Override refused",
                    "The override breaks " + errors.size() + " rule(s) of the protocol.", errors);
        }
        Optional<ClinicOverride> existing = overrides.find(clinicId, treatment);
        ClinicOverride override = existing.orElseGet(ClinicOverride::new);
        if (existing.isEmpty()) {
            override.id = UUID.randomUUID();
            override.clinicId = clinicId;
            override.treatment = treatment;
        }
        override.content = codec.write(content);
        override.updatedAt = clock.instant();
        if (existing.isEmpty()) {
            overrides.persist(override);
        }
        announce(clinicId, treatment, override.updatedAt);
        return existing.isEmpty();
    }

    @Transactional
    public void delete(String clinicId, String treatment) {
        overrides.delete(overrides.find(clinicId, treatment)
                .orElseThrow(() -> new NotFoundProblem("clinic " + clinicId + " has no override of " + treatment)));
        announce(clinicId, treatment, clock.instant());
    }

    /** The clinic's plans still ahead follow the change: scheduling re-plans them. */
    private void announce(String clinicId, String treatment, java.time.Instant at) {
        ProtocolService.Version base = protocols.latest(treatment);
        events.publish(new ProtocolPublished(treatment, base.version(), at,
                base.content().rules().stream().map(Rule::key).toList(), clinicId));
    }

    /** The protocol in force for a clinic; without a clinic, the base protocol. */
    @Transactional
    public EffectiveProtocol effective(String treatment, String clinicId) {
        ProtocolService.Version base = protocols.latest(treatment);
        ClinicOverrideContent override = clinicId == null
                ? null
                : overrides.find(clinicId, treatment).map(o -> codec.override(o.content)).orElse(null);
        ProtocolContent content = base.content();
        if (override == null) {
            return new EffectiveProtocol(treatment, base.version(), clinicId, null, content.title(),
                    content.defaultLocale(), SendWindow.DEFAULT, content.parameters(), content.rules(), null,
                    content.effectiveBudget(), false);
        }
        return new EffectiveProtocol(treatment, base.version(), clinicId, override.clinicName(), content.title(),
                content.defaultLocale(), override.sendWindow() != null ? override.sendWindow() : SendWindow.DEFAULT,
                mergedParameters(content, override), mergedRules(content, override), override.phone(),
                budgetOf(content, override), Boolean.TRUE.equals(override.recommendsNextSession()));
    }

    /** The protocol's budget, then the clinic's, then the cap its consent basis sets. */
    static MessageBudget budgetOf(ProtocolContent content, ClinicOverrideContent override) {
        MessageBudget budget = content.effectiveBudget().with(override.budget());
        return override.consentBasis() == ConsentBasis.HEALTHCARE_EXEMPTION
                ? budget.capped(MessageBudget.HEALTHCARE_EXEMPTION)
                : budget;
    }

    private List<FieldError> validate(ProtocolContent base, ClinicOverrideContent content) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> parameters = content.parameters() == null ? Map.of() : content.parameters();
        errors.addAll(validator.validateParameters("parameters", parameters));
        parameters.keySet()
                .stream()
                .filter(name -> !base.parameters().containsKey(name))
                .forEach(
                        name -> errors.add(new FieldError("parameters." + name, "is not a parameter of the protocol")));
        Set<String> baseKeys = base.rules().stream().map(Rule::key).collect(Collectors.toSet());
        List<String> disabled = content.disabledRules() == null ? List.of() : content.disabledRules();
        for (int i = 0; i < disabled.size(); i++) {
            if (!baseKeys.contains(disabled.get(i))) {
                errors.add(new FieldError("disabledRules[" + i + "]", "is not a rule of the protocol"));
            }
        }
        if (content.clinicName() != null
                && (content.clinicName().isBlank() || content.clinicName().length() > Placeholders.CLINIC_NAME_MAX)) {
            errors.add(new FieldError("clinicName", "must be 1 to " + Placeholders.CLINIC_NAME_MAX + " characters"));
        } else if (content.clinicName() != null) {
            // A clinic's real name is shown in every text: it must not reveal the treatment either.
            SmsText.revealingWord(content.clinicName())
                    .ifPresent(word -> errors.add(new FieldError("clinicName",
                            "names a treatment or condition (\"" + word + "\"); texts must stay discreet")));
        }
        if (content.phone() != null && !content.phone().matches("\\+[1-9][0-9]{6,14}")) {
            errors.add(new FieldError("phone", "must be an E.164 number such as +34912345678"));
        }
        errors.addAll(ClinicalFloors.check("parameters", parameters));
        errors.addAll(validator.validateBudget("budget", content.budget()));
        if (content.consentBasis() == ConsentBasis.HEALTHCARE_EXEMPTION && content.budget() != null
                && !content.budget().equals(content.budget().capped(MessageBudget.HEALTHCARE_EXEMPTION))) {
            errors.add(new FieldError("budget", "exceeds what the healthcare exemption allows: at most "
                    + MessageBudget.HEALTHCARE_EXEMPTION.smsPerDay() + " text a day and "
                    + MessageBudget.HEALTHCARE_EXEMPTION.smsPerWeek() + " a week"));
        }
        SendWindow window = content.sendWindow();
        if (window != null
                && (window.start() == null || window.end() == null || !window.start().isBefore(window.end()))) {
            errors.add(new FieldError("sendWindow", "needs a start before its end, such as 08:00 to 20:00"));
        }
        if (errors.isEmpty()) {
            // Base rules must still render within their limits with the clinic's parameter values.
            ProtocolContent merged = new ProtocolContent(base.title(), base.defaultLocale(),
                    mergedParameters(base, content), base.rules());
            errors.addAll(validator.validateRules("parameters", merged.rules(), merged.parameters(),
                    ContentValidator.REQUIRED_LOCALES, Set.of())
                    .stream()
                    .map(e -> new FieldError("parameters", "make " + e.field() + " invalid: " + e.message()))
                    .toList());
            if (content.addedRules() != null) {
                errors.addAll(validator.validateRules("addedRules", content.addedRules(), merged.parameters(),
                        List.of(base.defaultLocale()), baseKeys));
            }
        }
        if (errors.isEmpty()) {
            // The plans the override makes must still keep the budget, the spacing and every rule.
            errors.addAll(planChecks.check("override", new EffectiveProtocol("check", 0, null,
                    content.clinicName(), base.title(), base.defaultLocale(),
                    content.sendWindow() != null ? content.sendWindow() : SendWindow.DEFAULT,
                    mergedParameters(base, content), mergedRules(base, content), content.phone(),
                    budgetOf(base, content), true)));
        }
        return errors;
    }

    private static Map<String, Integer> mergedParameters(ProtocolContent base, ClinicOverrideContent override) {
        Map<String, Integer> parameters = new HashMap<>(base.parameters());
        if (override.parameters() != null) {
            parameters.putAll(override.parameters());
        }
        return parameters;
    }

    private static List<Rule> mergedRules(ProtocolContent base, ClinicOverrideContent override) {
        Set<String> disabled = override.disabledRules() == null ? Set.of() : Set.copyOf(override.disabledRules());
        List<Rule> rules = new ArrayList<>(base.rules().stream().filter(r -> !disabled.contains(r.key())).toList());
        if (override.addedRules() != null) {
            rules.addAll(override.addedRules());
        }
        return rules;
    }
}
