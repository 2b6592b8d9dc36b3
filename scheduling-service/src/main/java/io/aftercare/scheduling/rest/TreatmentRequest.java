package io.aftercare.scheduling.rest;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import io.aftercare.problem.InputPatterns;

/**
 * What was done and when. The end is given directly or as a duration from the start; a completed booking may report
 * the actual end, which then anchors the plan.
 */
public record TreatmentRequest(@NotBlank @Pattern(regexp = InputPatterns.KEY) String type,
        @NotNull @PlausibleTime OffsetDateTime startsAt, OffsetDateTime endsAt,
        @Positive @Max(24 * 60) Integer durationMinutes,
        OffsetDateTime actualEndsAt) {

    private static final Duration LONGEST_TREATMENT = Duration.ofHours(24);

    /** The end of the treatment, which anchors the plan. */
    public OffsetDateTime end() {
        if (actualEndsAt != null) {
            return actualEndsAt;
        }
        if (endsAt != null) {
            return endsAt;
        }
        return durationMinutes != null ? startsAt.plusMinutes(durationMinutes) : startsAt;
    }

    @AssertTrue(message = "must be after startsAt and at most 24 hours later")
    public boolean isEndsAtAfterStart() {
        return startsAt == null || endsAt == null || plausibleEnd(endsAt);
    }

    @AssertTrue(message = "must be after startsAt and at most 24 hours later")
    public boolean isActualEndsAtAfterStart() {
        return startsAt == null || actualEndsAt == null || plausibleEnd(actualEndsAt);
    }

    @AssertTrue(message = "give either endsAt or durationMinutes, not both")
    public boolean isEndGivenOnce() {
        return endsAt == null || durationMinutes == null;
    }

    private boolean plausibleEnd(OffsetDateTime end) {
        return end.isAfter(startsAt) && Duration.between(startsAt, end).compareTo(LONGEST_TREATMENT) <= 0;
    }
}
