package io.aftercare.guidance.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.aftercare.guidance.model.Channel;
import io.aftercare.guidance.model.MessageBudget;
import io.aftercare.guidance.model.Priority;

/**
 * Writes the messages of one plan's care moments, in order, once {@link MomentBundler} has granted the texts: which
 * tips each text carries, which tips are carried on to the next text, and where every occurrence went. One instance
 * composes one plan: a tip carried on, and whether the patient already had a first text, pass from moment to moment.
 */
final class MomentComposer {

    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("HHmm");

    private final MessageBudget budget;
    private final LocalDate treatmentDay;
    private final MomentMessages messages;

    private final List<PlannedReminder> planned = new ArrayList<>();
    private final List<PlannedReminder.Placement> placements = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    /** Texted tips that did not make it into their moment's text and are still valid at the next one. */
    private final List<RuleOccurrence> carried = new ArrayList<>();
    /** Where the email placement of a tip being carried on is, to be told if the tip never reaches a text. */
    private final Map<RuleOccurrence, Integer> emailPlacements = new HashMap<>();
    private boolean firstText = true;

    MomentComposer(MessageBudget budget, LocalDate treatmentDay, MomentMessages messages) {
        this.budget = budget;
        this.treatmentDay = treatmentDay;
        this.messages = messages;
    }

    MomentBundler.Result compose(List<CareMoment> moments) {
        for (int i = 0; i < moments.size(); i++) {
            composeMoment(moments.get(i), i + 1 < moments.size() ? nextText(moments, i) : null);
        }
        return new MomentBundler.Result(withPlacements(planned), placements);
    }

    /** @param next when the next text goes, if any: a tip still valid then is carried on to it */
    private void composeMoment(CareMoment moment, Instant next) {
        String key = key(moment);
        List<RuleOccurrence> candidates = candidates(moment);
        List<RuleOccurrence> tips = moment.texted ? tips(candidates) : List.of();
        String sms = tips.isEmpty() ? null : messages.sms(tips, firstText);
        Map<RuleOccurrence, String> notTexted = carryOrDrop(moment, candidates, tips, next);
        List<RuleOccurrence> emailed = moment.items.stream().filter(RuleOccurrence::emailed).toList();
        PlannedReminder.Email email = emailed.isEmpty() ? null : messages.email(emailed);
        if (sms == null && email == null) {
            moment.items.stream()
                    .filter(item -> !carried.contains(item))
                    .forEach(item -> placements.add(placement(item, null, "omitted", notTexted.get(item))));
            return;
        }
        place(moment, key, tips, notTexted);
        planned.add(reminder(moment, key, tips, sms, email));
        if (sms != null) {
            firstText = false;
        }
    }

    /** The tips carried here from earlier moments and this moment's own, best first. */
    private List<RuleOccurrence> candidates(CareMoment moment) {
        List<RuleOccurrence> candidates = new ArrayList<>(carried);
        carried.clear();
        moment.items.stream().filter(RuleOccurrence::texted).forEach(candidates::add);
        candidates.sort(Comparator.comparingInt((RuleOccurrence o) -> o.rankAt(moment.at))
                .thenComparing(o -> o.due().toInstant()));
        return candidates;
    }

    /** The best candidates that fit one text together, at most {@link MomentBundler#TIPS_PER_TEXT}. */
    private List<RuleOccurrence> tips(List<RuleOccurrence> candidates) {
        List<RuleOccurrence> tips = new ArrayList<>();
        for (RuleOccurrence candidate : candidates) {
            if (tips.size() == MomentBundler.TIPS_PER_TEXT) {
                break;
            }
            List<RuleOccurrence> tried = new ArrayList<>(tips);
            tried.add(candidate);
            if (messages.fits(tried, firstText)) {
                tips = tried;
            }
        }
        return tips;
    }

    /**
     * Carries each candidate left out of the text on to the next text if it is still valid then.
     *
     * @return the others, with why they are in no text
     */
    private Map<RuleOccurrence, String> carryOrDrop(CareMoment moment, List<RuleOccurrence> candidates,
            List<RuleOccurrence> tips, Instant next) {
        Map<RuleOccurrence, String> notTexted = new HashMap<>();
        for (RuleOccurrence candidate : candidates) {
            if (tips.contains(candidate)) {
                continue;
            }
            String why = moment.texted ? "ranked after the tips of this text" : reasonWithoutText();
            if (next != null && candidate.expires().isAfter(next)) {
                carried.add(candidate);
            } else {
                notTexted.put(candidate, why);
                if (!moment.items.contains(candidate)) {
                    endCarried(candidate, why);
                }
            }
        }
        return notTexted;
    }

    /** A tip carried here from an earlier moment that goes no further: its placement there says how it ended. */
    private void endCarried(RuleOccurrence candidate, String why) {
        Integer there = emailPlacements.get(candidate);
        if (there == null) {
            placements.add(placement(candidate, null, "omitted", why));
            return;
        }
        PlannedReminder.Placement emailed = placements.get(there);
        placements.set(there, new PlannedReminder.Placement(emailed.ruleKey(), emailed.occurrence(),
                emailed.dueAt(), emailed.moment(), emailed.via(), "carried towards a later text, but " + why));
    }

    /** Places the moment's tips in its text, and its other occurrences in its email, carried on, or nowhere. */
    private void place(CareMoment moment, String key, List<RuleOccurrence> tips,
            Map<RuleOccurrence, String> notTexted) {
        for (RuleOccurrence tip : tips) {
            placements.add(placement(tip, key, "sms", null));
        }
        for (RuleOccurrence item : moment.items) {
            if (tips.contains(item)) {
                continue;
            }
            if (item.emailed()) {
                if (carried.contains(item)) {
                    emailPlacements.put(item, placements.size());
                }
                placements.add(placement(item, key, "email",
                        item.texted() ? notTexted.getOrDefault(item, "its tip was carried to the next text") : null));
            } else if (!carried.contains(item)) {
                placements.add(placement(item, null, "omitted", notTexted.get(item)));
            }
        }
    }

    /** The moment as planned, valid as long as everything its text (or, without one, its email) carries. */
    private PlannedReminder reminder(CareMoment moment, String key, List<RuleOccurrence> tips, String sms,
            PlannedReminder.Email email) {
        List<Channel> channels = new ArrayList<>();
        if (sms != null) {
            channels.add(Channel.SMS);
        }
        if (email != null) {
            channels.add(Channel.EMAIL);
        }
        List<RuleOccurrence> carriedHere = sms == null ? moment.items : tips;
        RuleOccurrence lead = (tips.isEmpty() ? moment.items : tips).get(0);
        Instant expires = carriedHere.stream().map(RuleOccurrence::expires).min(Instant::compareTo).orElseThrow();
        return new PlannedReminder(key, 0, lead.rule().category(), moment.urgent() ? Priority.URGENT : Priority.NORMAL,
                moment.at.toInstant(), moment.at.toLocalDateTime(), expires, channels, messages.locale(),
                new PlannedReminder.Messages(sms, email), List.of());
    }

    /** Each moment lists its placements once all are final: a tip carried on may end up in a later text or not. */
    private List<PlannedReminder> withPlacements(List<PlannedReminder> moments) {
        return moments.stream()
                .map(m -> new PlannedReminder(m.ruleKey(), m.occurrence(), m.category(), m.priority(), m.dueAt(),
                        m.dueLocal(), m.expiresAt(), m.channels(), m.locale(), m.messages(),
                        placements.stream().filter(p -> m.ruleKey().equals(p.moment())).toList()))
                .toList();
    }

    private String reasonWithoutText() {
        return "no text left for this moment in the budget (" + MomentBundler.cap(budget.smsPerDay()) + " a day"
                + (budget.smsPerWeek() == null ? "" : ", " + budget.smsPerWeek() + " a week") + ", "
                + budget.minSpacing().toMinutes() + " minutes apart)";
    }

    private static Instant nextText(List<CareMoment> moments, int after) {
        for (int j = after + 1; j < moments.size(); j++) {
            if (moments.get(j).texted) {
                return moments.get(j).at.toInstant();
            }
        }
        return null;
    }

    /** {@code leaving}, or {@code day<N>-<HHmm>} of the patient's wall clock; a suffix keeps it unique in the plan. */
    private String key(CareMoment moment) {
        String key = moment.leaving
                ? "leaving"
                : "day" + ChronoUnit.DAYS.between(treatmentDay, moment.at.toLocalDate()) + "-"
                        + moment.at.format(KEY_TIME);
        String unique = key;
        for (int n = 2; !keys.add(unique); n++) {
            unique = key + "-" + n;
        }
        return unique;
    }

    private static PlannedReminder.Placement placement(RuleOccurrence item, String moment, String via,
            String reason) {
        return new PlannedReminder.Placement(item.rule().key(), item.occurrence(), item.due().toInstant(), moment,
                via, reason);
    }
}
