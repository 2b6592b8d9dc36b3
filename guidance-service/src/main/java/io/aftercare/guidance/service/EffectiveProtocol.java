package io.aftercare.guidance.service;

import java.util.List;
import java.util.Map;

import io.aftercare.guidance.model.MessageBudget;
import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.model.SendWindow;

/**
 * What is in force for one clinic: the latest published base version, with the clinic's parameters, minus the rules
 * it disabled, plus its own rules; the clinic's name (null: the patient's language's default), phone, message budget
 * (already capped by its consent basis) and whether it recommends further sessions.
 */
public record EffectiveProtocol(String treatment, int version, String clinicId, String clinicName, String title,
        String defaultLocale, SendWindow sendWindow, Map<String, Integer> parameters, List<Rule> rules,
        String clinicPhone, MessageBudget budget, boolean recommendsNextSession) {
}
