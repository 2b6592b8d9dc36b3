package io.aftercare.guidance.model;

import java.util.List;
import java.util.Map;

/**
 * What a protocol version says: its rules and the parameters they refer to (such as {@code sunAvoidanceHours}),
 * which clinics may override.
 */
public record ProtocolContent(String title, String defaultLocale, Map<String, Integer> parameters, List<Rule> rules) {
}
