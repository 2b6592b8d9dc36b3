package io.aftercare.guidance.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One piece of aftercare advice and when to give it.
 *
 * @param key stable identifier, kept across versions so that plans can be compared and re-planned
 * @param validity how long after its due time the advice is still worth sending
 * @param note why the rule says what it says where the sources differ
 * @param templates per locale ({@code en}, {@code es}, ...)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rule(String key, Category category, Timing timing, Duration validity, Priority priority,
        List<Channel> channels, List<Source> sources, String note, Map<String, Template> templates) {
}
