package io.aftercare.guidance.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How one clinic departs from the base protocol: other parameter values, rules it does not want, rules of its own,
 * its own send window, the name patients know it by, the phone number its safety-net text gives, why it may text
 * (the healthcare exemption caps the budget), its own message budget, and whether it recommends further sessions
 * (without which no "book your next session" message goes out).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClinicOverrideContent(String clinicName, Map<String, Integer> parameters, List<String> disabledRules,
        List<Rule> addedRules, SendWindow sendWindow, String phone, ConsentBasis consentBasis, MessageBudget budget,
        Boolean recommendsNextSession) {

    public ClinicOverrideContent(String clinicName, Map<String, Integer> parameters, List<String> disabledRules,
            List<Rule> addedRules, SendWindow sendWindow) {
        this(clinicName, parameters, disabledRules, addedRules, sendWindow, null, null, null, null);
    }
}
