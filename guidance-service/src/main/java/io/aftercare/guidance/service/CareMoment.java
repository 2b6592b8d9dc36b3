package io.aftercare.guidance.service;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** A care moment being assembled by {@link MomentBundler}: rule occurrences sent together, at its latest one's time. */
final class CareMoment {

    final List<RuleOccurrence> items = new ArrayList<>();
    /** The text at the end of the treatment: it takes only what is due then. */
    final boolean leaving;
    ZonedDateTime at;
    /** Whether the budget granted it a text. */
    boolean texted;

    CareMoment(RuleOccurrence first) {
        leaving = first.leaving();
        at = first.due();
        items.add(first);
    }

    /** Joins an occurrence due within {@link MomentBundler#BUNDLE} of the first, the same day, before any expires. */
    boolean accepts(RuleOccurrence next) {
        return !leaving && !next.leaving() && next.due().toLocalDate().equals(at.toLocalDate())
                && next.due().isBefore(items.get(0).due().plus(MomentBundler.BUNDLE))
                && items.stream().allMatch(item -> item.expires().isAfter(next.due().toInstant()));
    }

    /** Goes at its latest occurrence's time, so that no advice is sent before it is due. */
    void add(RuleOccurrence occurrence) {
        items.add(occurrence);
        if (occurrence.due().isAfter(at)) {
            at = occurrence.due();
        }
    }

    int bestRank() {
        return items.stream().filter(RuleOccurrence::texted).mapToInt(o -> o.rankAt(at)).min().orElse(
                Integer.MAX_VALUE);
    }

    boolean anyTexted() {
        return items.stream().anyMatch(RuleOccurrence::texted);
    }

    boolean urgent() {
        return items.stream().anyMatch(RuleOccurrence::urgent);
    }
}
