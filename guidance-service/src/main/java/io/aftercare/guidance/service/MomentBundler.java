package io.aftercare.guidance.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.aftercare.guidance.model.MessageBudget;

/**
 * Bundles rule occurrences into care moments and decides which moments get a text under the message budget.
 *
 * <ul>
 * <li>Occurrences due within {@link #BUNDLE} of a moment's first one, on the same day, join it; the moment goes at
 * its latest occurrence's time, so no advice is ever sent before it is due ("no cleansing reminder within three hours
 * of the end"). The text at the end of the treatment takes only what is due then.</li>
 * <li>Texts are granted in order of what their moment carries (rank, then time) while the day, the week, the whole
 * plan and the spacing allow. A moment without a text still sends its email.</li>
 * <li>A tip that does not make it into a text (no text for its moment, or two better tips) is carried to the next
 * text if it is still valid then; otherwise it stays in its moment's email. Nothing disappears silently: every
 * occurrence gets a placement saying where it went.</li>
 * </ul>
 */
final class MomentBundler {

    static final Duration BUNDLE = Duration.ofHours(2);
    static final int TIPS_PER_TEXT = 2;

    private final MessageBudget budget;
    private final LocalDate treatmentDay;

    MomentBundler(MessageBudget budget, LocalDate treatmentDay) {
        this.budget = budget;
        this.treatmentDay = treatmentDay;
    }

    record Result(List<PlannedReminder> moments, List<PlannedReminder.Placement> placements) {
    }

    Result bundle(List<RuleOccurrence> occurrences, MomentMessages messages) {
        List<CareMoment> moments = group(occurrences);
        grantTexts(moments);
        return new MomentComposer(budget, treatmentDay, messages).compose(moments);
    }

    private static List<CareMoment> group(List<RuleOccurrence> occurrences) {
        List<CareMoment> moments = new ArrayList<>();
        CareMoment current = null;
        for (RuleOccurrence occurrence : occurrences) {
            if (current != null && (current.accepts(occurrence) || current.leaving && occurrence.leaving())) {
                current.add(occurrence);
            } else {
                current = new CareMoment(occurrence);
                moments.add(current);
            }
        }
        return moments;
    }

    /** The most useful moments get the texts the budget allows; the rest go by email. */
    private void grantTexts(List<CareMoment> moments) {
        List<CareMoment> byValue = new ArrayList<>(moments.stream().filter(CareMoment::anyTexted).toList());
        byValue.sort(Comparator.comparingInt(CareMoment::bestRank).thenComparing(m -> m.at.toInstant()));
        LocalDate firstDay = treatmentDay;
        Map<LocalDate, Integer> perDay = new HashMap<>();
        List<CareMoment> granted = new ArrayList<>();
        for (CareMoment moment : byValue) {
            LocalDate day = moment.at.toLocalDate();
            boolean urgent = moment.urgent();
            boolean fits = granted.size() < cap(budget.smsInAll())
                    && perDay.getOrDefault(day, 0) < cap(budget.smsPerDay())
                    && inWeek(granted, firstDay, day) < cap(budget.smsPerWeek())
                    && granted.stream().allMatch(other -> Duration.between(other.at, moment.at).abs()
                            .compareTo(budget.minSpacing()) >= 0);
            if (fits || urgent) {
                moment.texted = true;
                granted.add(moment);
                perDay.merge(day, 1, Integer::sum);
            }
        }
    }

    private static int inWeek(List<CareMoment> granted, LocalDate firstDay, LocalDate day) {
        long week = ChronoUnit.DAYS.between(firstDay, day) / 7;
        return (int) granted.stream()
                .filter(other -> ChronoUnit.DAYS.between(firstDay, other.at.toLocalDate()) / 7 == week)
                .count();
    }

    static int cap(Integer value) {
        return value == null ? Integer.MAX_VALUE : value;
    }
}
