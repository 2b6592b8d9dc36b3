package io.aftercare.guidance.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.guidance.model.ClinicOverrideContent;
import io.aftercare.guidance.model.ConsentBasis;
import io.aftercare.guidance.model.MessageBudget;
import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.model.SendWindow;
import io.aftercare.problem.Problem.FieldError;

/**
 * Checks that a clinic's override leaves a publishable protocol, in three stages, each only when the one before found
 * nothing: its own fields, then the texts with the clinic's values, then the plans it makes.
 */
@ApplicationScoped
public class OverrideValidator {

    private static final String E164 = "\\+[1-9][0-9]{6,14}";

    private final ContentValidator validator;
    private final PlanChecks planChecks;

    public OverrideValidator(ContentValidator validator, PlanChecks planChecks) {
        this.validator = validator;
        this.planChecks = planChecks;
    }

    /** @return every fault, by field of the override; none when it may be saved */
    public List<FieldError> validate(ProtocolContent base, ClinicOverrideContent content) {
        List<FieldError> errors = fieldErrors(base, content);
        if (errors.isEmpty()) {
            errors.addAll(renderingErrors(base, content));
        }
        if (errors.isEmpty()) {
            errors.addAll(planErrors(base, content));
        }
        return errors;
    }

    private List<FieldError> fieldErrors(ProtocolContent base, ClinicOverrideContent content) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> parameters = content.parameters() == null ? Map.of() : content.parameters();
        errors.addAll(parameterErrors(base, parameters));
        errors.addAll(disabledRuleErrors(base, content.disabledRules()));
        errors.addAll(clinicNameErrors(content.clinicName()));
        if (content.phone() != null && !content.phone().matches(E164)) {
            errors.add(new FieldError("phone", "must be an E.164 number such as +34912345678"));
        }
        errors.addAll(ClinicalFloors.check("parameters", parameters));
        errors.addAll(budgetErrors(content));
        SendWindow window = content.sendWindow();
        if (window != null
                && (window.start() == null || window.end() == null || !window.start().isBefore(window.end()))) {
            errors.add(new FieldError("sendWindow", "needs a start before its end, such as 08:00 to 20:00"));
        }
        return errors;
    }

    private List<FieldError> parameterErrors(ProtocolContent base, Map<String, Integer> parameters) {
        List<FieldError> errors = new ArrayList<>(validator.validateParameters("parameters", parameters));
        parameters.keySet()
                .stream()
                .filter(name -> !base.parameters().containsKey(name))
                .forEach(
                        name -> errors.add(new FieldError("parameters." + name, "is not a parameter of the protocol")));
        return errors;
    }

    private static List<FieldError> disabledRuleErrors(ProtocolContent base, List<String> disabledRules) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> baseKeys = ruleKeys(base);
        List<String> disabled = disabledRules == null ? List.of() : disabledRules;
        for (int i = 0; i < disabled.size(); i++) {
            if (!baseKeys.contains(disabled.get(i))) {
                errors.add(new FieldError("disabledRules[" + i + "]", "is not a rule of the protocol"));
            }
        }
        return errors;
    }

    private static List<FieldError> clinicNameErrors(String clinicName) {
        if (clinicName == null) {
            return List.of();
        }
        if (clinicName.isBlank() || clinicName.length() > Placeholders.CLINIC_NAME_MAX) {
            return List.of(
                    new FieldError("clinicName", "must be 1 to " + Placeholders.CLINIC_NAME_MAX + " characters"));
        }
        // A clinic's real name is shown in every text: it must not reveal the treatment either.
        return SmsText.revealingWord(clinicName)
                .map(word -> List.of(new FieldError("clinicName",
                        "names a treatment or condition (\"" + word + "\"); texts must stay discreet")))
                .orElse(List.of());
    }

    private List<FieldError> budgetErrors(ClinicOverrideContent content) {
        List<FieldError> errors = new ArrayList<>(validator.validateBudget("budget", content.budget()));
        if (content.consentBasis() == ConsentBasis.HEALTHCARE_EXEMPTION && content.budget() != null
                && !content.budget().equals(content.budget().capped(MessageBudget.HEALTHCARE_EXEMPTION))) {
            errors.add(new FieldError("budget", "exceeds what the healthcare exemption allows: at most "
                    + MessageBudget.HEALTHCARE_EXEMPTION.smsPerDay() + " text a day and "
                    + MessageBudget.HEALTHCARE_EXEMPTION.smsPerWeek() + " a week"));
        }
        return errors;
    }

    /** Base rules must still render within their limits with the clinic's parameter values, and its own rules too. */
    private List<FieldError> renderingErrors(ProtocolContent base, ClinicOverrideContent content) {
        Map<String, Integer> parameters = OverrideMerger.parameters(base, content);
        List<FieldError> errors = new ArrayList<>(validator
                .validateRules("parameters", base.rules(), parameters, ContentValidator.REQUIRED_LOCALES, Set.of())
                .stream()
                .map(e -> new FieldError("parameters", "make " + e.field() + " invalid: " + e.message()))
                .toList());
        if (content.addedRules() != null) {
            errors.addAll(validator.validateRules("addedRules", content.addedRules(), parameters,
                    List.of(base.defaultLocale()), ruleKeys(base)));
        }
        return errors;
    }

    /** The plans the override makes must still keep the budget, the spacing and every rule. */
    private List<FieldError> planErrors(ProtocolContent base, ClinicOverrideContent content) {
        return planChecks.check("override", OverrideMerger.merged("check", 0, null, base, content, true));
    }

    private static Set<String> ruleKeys(ProtocolContent base) {
        return base.rules().stream().map(Rule::key).collect(Collectors.toSet());
    }
}
