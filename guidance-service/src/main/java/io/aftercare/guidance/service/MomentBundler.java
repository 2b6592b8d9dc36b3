package io.aftercare.guidance.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
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
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("HHmm");

    private final MessageBudget budget;
    private final LocalDate treatmentDay;

    MomentBundler(MessageBudget budget, LocalDate treatmentDay) {
        this.budget = budget;
        this.treatmentDay = treatmentDay;
    }

    record Result(List<PlannedReminder> moments, List<PlannedReminder.Placement> placements) {
    }

    /** A moment being assembled. */
    private static final class Moment {
        final List<RuleOccurrence> items = new ArrayList<>();
        final boolean leaving;
        ZonedDateTime at;
        boolean texted;

        Moment(RuleOccurrence first) {
            leaving = first.leaving();
            at = first.due();
            items.add(first);
        }

        boolean accepts(RuleOccurrence next) {
            return !leaving && !next.leaving() && next.due().toLocalDate().equals(at.toLocalDate())
                    && next.due().isBefore(items.get(0).due().plus(BUNDLE))
                    && items.stream().allMatch(item -> item.expires().isAfter(next.due().toInstant()));
        }

        int bestRank() {
            return items.stream().filter(RuleOccurrence::texted).mapToInt(o -> o.rankAt(at)).min().orElse(
                    Integer.MAX_VALUE);
        }

        boolean anyTexted() {
            return items.stream().anyMatch(RuleOccurrence::texted);
        }
    }

    Result bundle(List<RuleOccurrence> occurrences, MomentMessages messages) {
        List<Moment> moments = group(occurrences);
        grantTexts(moments);
        return compose(moments, messages);
    }

    private static List<Moment> group(List<RuleOccurrence> occurrences) {
        List<Moment> moments = new ArrayList<>();
        Moment current = null;
        for (RuleOccurrence occurrence : occurrences) {
            if (current != null && (current.accepts(occurrence) || current.leaving && occurrence.leaving())) {
                current.items.add(occurrence);
                if (occurrence.due().isAfter(current.at)) {
                    current.at = occurrence.due();
                }
            } else {
                current = new Moment(occurrence);
                moments.add(current);
            }
        }
        return moments;
    }

    /** The most useful moments get the texts the budget allows; the rest go by email. */
    private void grantTexts(List<Moment> moments) {
        List<Moment> byValue = new ArrayList<>(moments.stream().filter(Moment::anyTexted).toList());
        byValue.sort(Comparator.comparingInt(Moment::bestRank).thenComparing(m -> m.at.toInstant()));
        LocalDate firstDay = treatmentDay;
        Map<LocalDate, Integer> perDay = new HashMap<>();
        List<Moment> granted = new ArrayList<>();
        for (Moment moment : byValue) {
            LocalDate day = moment.at.toLocalDate();
            boolean urgent = moment.items.stream().anyMatch(RuleOccurrence::urgent);
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

    private static int inWeek(List<Moment> granted, LocalDate firstDay, LocalDate day) {
        long week = ChronoUnit.DAYS.between(firstDay, day) / 7;
        return (int) granted.stream()
                .filter(other -> ChronoUnit.DAYS.between(firstDay, other.at.toLocalDate()) / 7 == week)
                .count();
    }

    private static int cap(Integer value) {
        return value == null ? Integer.MAX_VALUE : value;
    }

    private Result compose(List<Moment> moments, MomentMessages messages) {
        List<PlannedReminder> planned = new ArrayList<>();
        List<PlannedReminder.Placement> placements = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<RuleOccurrence> carried = new ArrayList<>();
        Map<RuleOccurrence, Integer> emailPlacements = new HashMap<>();
        boolean firstText = true;
        for (int i = 0; i < moments.size(); i++) {
            Moment moment = moments.get(i);
            String key = key(moment, keys);
            Instant next = i + 1 < moments.size() ? nextText(moments, i) : null;
            List<RuleOccurrence> candidates = new ArrayList<>(carried);
            carried.clear();
            moment.items.stream().filter(RuleOccurrence::texted).forEach(candidates::add);
            candidates.sort(Comparator.comparingInt((RuleOccurrence o) -> o.rankAt(moment.at))
                    .thenComparing(o -> o.due().toInstant()));
            List<RuleOccurrence> tips = new ArrayList<>();
            String sms = null;
            if (moment.texted) {
                for (RuleOccurrence candidate : candidates) {
                    if (tips.size() == TIPS_PER_TEXT) {
                        break;
                    }
                    List<RuleOccurrence> tried = new ArrayList<>(tips);
                    tried.add(candidate);
                    if (messages.fits(tried, firstText)) {
                        tips = tried;
                    }
                }
                sms = tips.isEmpty() ? null : messages.sms(tips, firstText);
            }
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
                        // Carried here from an earlier moment: its placement there says how it ended.
                        Integer there = emailPlacements.get(candidate);
                        if (there != null) {
                            PlannedReminder.Placement emailed = placements.get(there);
                            placements.set(there, new PlannedReminder.Placement(emailed.ruleKey(),
                                    emailed.occurrence(), emailed.dueAt(), emailed.moment(), emailed.via(),
                                    "carried towards a later text, but " + why));
                        } else {
                            placements.add(placement(candidate, null, "omitted", why));
                        }
                    }
                }
            }
            List<RuleOccurrence> emailed = moment.items.stream().filter(RuleOccurrence::emailed).toList();
            PlannedReminder.Email email = emailed.isEmpty() ? null : messages.email(emailed);
            if (sms == null && email == null) {
                moment.items.stream()
                        .filter(item -> !carried.contains(item))
                        .forEach(item -> placements.add(placement(item, null, "omitted", notTexted.get(item))));
                continue;
            }
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
                            item.texted()
                                    ? notTexted.getOrDefault(item, "its tip was carried to the next text")
                                    : null));
                } else if (!carried.contains(item)) {
                    placements.add(placement(item, null, "omitted", notTexted.get(item)));
                }
            }
            List<Channel> channels = new ArrayList<>();
            if (sms != null) {
                channels.add(Channel.SMS);
                firstText = false;
            }
            if (email != null) {
                channels.add(Channel.EMAIL);
            }
            List<RuleOccurrence> carriedHere = sms == null ? moment.items : tips;
            RuleOccurrence lead = (tips.isEmpty() ? moment.items : tips).get(0);
            Instant expires = carriedHere.stream().map(RuleOccurrence::expires).min(Instant::compareTo).orElseThrow();
            planned.add(new PlannedReminder(key, 0, lead.rule().category(),
                    moment.items.stream().anyMatch(RuleOccurrence::urgent) ? Priority.URGENT : Priority.NORMAL,
                    moment.at.toInstant(), moment.at.toLocalDateTime(), expires, channels, messages.locale(),
                    new PlannedReminder.Messages(sms, email), List.of()));
        }
        // Each moment lists its placements once all are final: a tip carried on may end up in a later text or not.
        List<PlannedReminder> withRules = planned.stream()
                .map(m -> new PlannedReminder(m.ruleKey(), m.occurrence(), m.category(), m.priority(), m.dueAt(),
                        m.dueLocal(), m.expiresAt(), m.channels(), m.locale(), m.messages(),
                        placements.stream().filter(p -> m.ruleKey().equals(p.moment())).toList()))
                .toList();
        return new Result(withRules, placements);
    }

    private String reasonWithoutText() {
        return "no text left for this moment in the budget (" + cap(budget.smsPerDay()) + " a day"
                + (budget.smsPerWeek() == null ? "" : ", " + budget.smsPerWeek() + " a week") + ", "
                + budget.minSpacing().toMinutes() + " minutes apart)";
    }

    private static Instant nextText(List<Moment> moments, int after) {
        for (int j = after + 1; j < moments.size(); j++) {
            if (moments.get(j).texted) {
                return moments.get(j).at.toInstant();
            }
        }
        return null;
    }

    private String key(Moment moment, Set<String> taken) {
        String key = moment.leaving
                ? "leaving"
                : "day" + ChronoUnit.DAYS.between(treatmentDay, moment.at.toLocalDate()) + "-"
                        + moment.at.format(KEY_TIME);
        String unique = key;
        for (int n = 2; !taken.add(unique); n++) {
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
