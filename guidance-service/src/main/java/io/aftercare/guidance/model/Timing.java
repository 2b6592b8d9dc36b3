package io.aftercare.guidance.model;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * When a rule fires, relative to the end of the treatment.
 *
 * <ul>
 * <li>{@code after}: {@code after} (ISO-8601 duration), or the hours named by the protocol parameter
 * {@code afterParameter}, so that a clinic can change it;</li>
 * <li>{@code local-time}: on day {@code day} (0 = the day of the treatment, in the patient's zone) at {@code at};</li>
 * <li>{@code daily}: at each of {@code times} on {@code days} consecutive days from day {@code day}; times that fall
 * before the end of the treatment are skipped.</li>
 * </ul>
 * {@code notSooner}, when given, keeps an occurrence at least that long after the end of the treatment (no cleansing
 * reminder within three hours of it): an earlier one moves to that moment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Timing(TimingKind kind, Duration after, String afterParameter, Integer day, LocalTime at,
        List<LocalTime> times, Integer days, Duration notSooner) {

    public Timing(TimingKind kind, Duration after, String afterParameter, Integer day, LocalTime at,
            List<LocalTime> times, Integer days) {
        this(kind, after, afterParameter, day, at, times, days, null);
    }
}
