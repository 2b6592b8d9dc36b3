package io.aftercare.guidance.model;

import java.util.List;
import java.util.Map;

/**
 * What a protocol version says: its rules and the parameters they refer to (such as {@code sunAvoidanceHours}),
 * which clinics may override, and the message budget its plans keep (absent: {@link MessageBudget#DEFAULT}).
 */
public record ProtocolContent(String title, String defaultLocale, Map<String, Integer> parameters, List<Rule> rules,
        MessageBudget budget) {

    public ProtocolContent(String title, String defaultLocale, Map<String, Integer> parameters, List<Rule> rules) {
        this(title, defaultLocale, parameters, rules, null);
    }

    public MessageBudget effectiveBudget() {
        return MessageBudget.DEFAULT.with(budget);
    }
}
