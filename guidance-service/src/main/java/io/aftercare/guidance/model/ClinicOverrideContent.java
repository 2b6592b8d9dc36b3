package io.aftercare.guidance.model;

import java.util.List;
import java.util.Map;

/**
 * How one clinic departs from the base protocol: other parameter values, rules it does not want, rules of its own,
 * its own send window and the name patients know it by.
 */
public record ClinicOverrideContent(String clinicName, Map<String, Integer> parameters, List<String> disabledRules,
        List<Rule> addedRules, SendWindow sendWindow) {
}
