package io.aftercare.guidance.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One piece of aftercare advice and when to give it. Rules are the sourced, versioned unit of content; the planner
 * bundles the rules due close together into one care moment, whose text carries the one or two tips that rank first.
 *
 * @param key stable identifier, kept across versions so that plans can be compared and re-planned
 * @param validity how long after its due time the advice is still worth sending
 * @param note why the rule says what it says where the sources differ
 * @param templates per locale ({@code en}, {@code es}, ...)
 * @param rank which tips a moment's text carries first (1 before 2; absent: after all ranked ones)
 * @param daytime advice about the day outdoors (sun): from 17:00 on it ranks after everything else, since it is
 *        of use the next morning
 * @param marketing a message about booking more: only for patients with marketing consent, and only from clinics
 *        that recommend further sessions
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rule(String key, Category category, Timing timing, Duration validity, Priority priority,
        List<Channel> channels, List<Source> sources, String note, Map<String, Template> templates, Integer rank,
        Boolean daytime, Boolean marketing) {

    public Rule(String key, Category category, Timing timing, Duration validity, Priority priority,
            List<Channel> channels, List<Source> sources, String note, Map<String, Template> templates) {
        this(key, category, timing, validity, priority, channels, sources, note, templates, null, null, null);
    }

    public int effectiveRank() {
        return rank == null ? 100 : rank;
    }

    public boolean isDaytime() {
        return Boolean.TRUE.equals(daytime);
    }

    public boolean isMarketing() {
        return Boolean.TRUE.equals(marketing);
    }
}
