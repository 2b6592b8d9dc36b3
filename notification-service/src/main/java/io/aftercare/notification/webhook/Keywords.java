package io.aftercare.notification.webhook;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The reply keywords carriers honour, matched as they match them: the whole message, trimmed, in any case. */
public final class Keywords {

    public enum Intent {
        OPT_OUT, OPT_IN, HELP
    }

    private static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "REVOKE", "OPTOUT");
    private static final Set<String> OPT_IN = Set.of("START", "UNSTOP", "YES");
    private static final Set<String> HELP = Set.of("HELP", "INFO");

    private Keywords() {
    }

    public static Optional<Intent> of(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String word = body.trim().toUpperCase(Locale.ROOT);
        if (OPT_OUT.contains(word)) {
            return Optional.of(Intent.OPT_OUT);
        }
        if (OPT_IN.contains(word)) {
            return Optional.of(Intent.OPT_IN);
        }
        return HELP.contains(word) ? Optional.of(Intent.HELP) : Optional.empty();
    }
}
