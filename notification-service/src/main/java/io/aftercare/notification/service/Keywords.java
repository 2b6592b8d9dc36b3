package io.aftercare.notification.service;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The reply keywords carriers honour, matched as they match them: the whole message, trimmed, in any case, and their
 * Spanish counterparts (BAJA, PARAR, CANCELAR; ALTA; AYUDA), so that a patient can stop or ask in their language.
 */
public final class Keywords {

    public enum Intent {
        OPT_OUT, OPT_IN, HELP
    }

    /** What the patient said and in which language, so that an answer can be in that language. */
    public record Keyword(Intent intent, String language) {
    }

    private static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "REVOKE", "OPTOUT");
    private static final Set<String> OPT_IN = Set.of("START", "UNSTOP", "YES");
    private static final Set<String> HELP = Set.of("HELP", "INFO");
    private static final Set<String> OPT_OUT_ES = Set.of("BAJA", "PARAR", "CANCELAR");
    private static final Set<String> OPT_IN_ES = Set.of("ALTA");
    private static final Set<String> HELP_ES = Set.of("AYUDA");

    private Keywords() {
    }

    public static Optional<Intent> of(String body) {
        return keyword(body).map(Keyword::intent);
    }

    /** The keyword and its language ({@code en} for the carriers' own words, {@code es} for the Spanish ones). */
    public static Optional<Keyword> keyword(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String word = body.trim().toUpperCase(Locale.ROOT);
        if (OPT_OUT.contains(word)) {
            return Optional.of(new Keyword(Intent.OPT_OUT, "en"));
        }
        if (OPT_IN.contains(word)) {
            return Optional.of(new Keyword(Intent.OPT_IN, "en"));
        }
        if (HELP.contains(word)) {
            return Optional.of(new Keyword(Intent.HELP, "en"));
        }
        if (OPT_OUT_ES.contains(word)) {
            return Optional.of(new Keyword(Intent.OPT_OUT, "es"));
        }
        if (OPT_IN_ES.contains(word)) {
            return Optional.of(new Keyword(Intent.OPT_IN, "es"));
        }
        return HELP_ES.contains(word) ? Optional.of(new Keyword(Intent.HELP, "es")) : Optional.empty();
    }
}
