package io.aftercare.guidance.model;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How many texts a patient may get: per local calendar day, per rolling week (from the day of the treatment), in all,
 * and how far apart. What does not fit goes by email or merges into the next text; the plan says which.
 *
 * @param smsPerWeek null for no weekly cap
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageBudget(Integer smsPerDay, Integer smsPerWeek, Integer smsInAll, Duration minSpacing) {

    /** Patients who get six texts a day reply STOP: two a day, an hour apart, nine in all. */
    public static final MessageBudget DEFAULT = new MessageBudget(2, null, 9, Duration.ofMinutes(60));

    /** What a sender relying on the US healthcare exemption may send: one text a day, three a week. */
    public static final MessageBudget HEALTHCARE_EXEMPTION = new MessageBudget(1, 3, 9, Duration.ofMinutes(60));

    /** This budget with the other's values where the other sets them. */
    public MessageBudget with(MessageBudget other) {
        if (other == null) {
            return this;
        }
        return new MessageBudget(other.smsPerDay != null ? other.smsPerDay : smsPerDay,
                other.smsPerWeek != null ? other.smsPerWeek : smsPerWeek,
                other.smsInAll != null ? other.smsInAll : smsInAll,
                other.minSpacing != null ? other.minSpacing : minSpacing);
    }

    /** The stricter of the two, value by value: a consent basis caps what a clinic may ask for. */
    public MessageBudget capped(MessageBudget cap) {
        return new MessageBudget(min(smsPerDay, cap.smsPerDay), min(smsPerWeek, cap.smsPerWeek),
                min(smsInAll, cap.smsInAll),
                minSpacing != null && minSpacing.compareTo(cap.minSpacing) >= 0 ? minSpacing : cap.minSpacing);
    }

    private static Integer min(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
