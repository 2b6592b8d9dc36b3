package io.aftercare.notification.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a patient's free-text reply: the check-in score it starts with ("3", "3 thanks", "tres", "4, muy roja") and the
 * red-flag words it contains. Both are matched without case or accents, so "infeccion" is "infección".
 */
public final class ReplyReader {

    /** What a reply says, as far as the care loop is concerned. */
    public record Reading(Optional<Integer> score, List<String> redFlags) {

        public boolean urgent() {
            return score.filter(s -> s >= URGENT_SCORE).isPresent() || !redFlags.isEmpty();
        }

        /** Why the reply is urgent, for the clinic; empty when it is not. */
        public Optional<String> reason() {
            List<String> why = new ArrayList<>();
            score.filter(s -> s >= URGENT_SCORE).ifPresent(s -> why.add("check-in answer " + s + " of 5"));
            if (!redFlags.isEmpty()) {
                why.add("red flags: " + String.join(", ", redFlags));
            }
            return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
        }
    }

    /** 4 (worse) and 5 (much worse) need the clinic. */
    public static final int URGENT_SCORE = 4;

    private static final Pattern LEADING_DIGIT = Pattern.compile("^\\s*([1-5])(?![0-9])");
    private static final Pattern LEADING_WORD = Pattern.compile("^\\s*(\\p{L}+)");
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("uno", 1),
            Map.entry("una", 1), Map.entry("dos", 2), Map.entry("tres", 3), Map.entry("cuatro", 4),
            Map.entry("cinco", 5));

    private final List<String> redFlags;
    private final List<Pattern> patterns;

    /** @param redFlags the red-flag words of every language */
    public ReplyReader(Collection<String> redFlags) {
        this.redFlags = redFlags.stream().map(String::trim).filter(w -> !w.isEmpty()).distinct().toList();
        this.patterns = this.redFlags.stream()
                .map(word -> Pattern
                        .compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(plain(word)).replace(" ", "\\E\\s+\\Q")
                                + "(s|es)?(?![\\p{L}\\p{N}])"))
                .toList();
    }

    /** @param checkInAsked whether the patient was asked the check-in question; only then is a number an answer */
    public Reading read(String body, boolean checkInAsked) {
        String text = plain(body);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matcher(text).find()) {
                found.add(redFlags.get(i));
            }
        }
        return new Reading(checkInAsked ? score(text) : Optional.empty(), found);
    }

    private static Optional<Integer> score(String text) {
        Matcher digit = LEADING_DIGIT.matcher(text);
        if (digit.find()) {
            return Optional.of(Integer.parseInt(digit.group(1)));
        }
        Matcher word = LEADING_WORD.matcher(text);
        return word.find() ? Optional.ofNullable(NUMBER_WORDS.get(word.group(1))) : Optional.empty();
    }

    /** Lower case without accents: "Infección" is "infeccion". */
    static String plain(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
