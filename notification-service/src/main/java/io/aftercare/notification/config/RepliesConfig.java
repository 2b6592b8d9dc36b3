package io.aftercare.notification.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What patients' replies set off: the red-flag words per language, the answer to an urgent reply per language, where
 * each clinic's alerts go, and how long reply bodies are kept.
 */
@ConfigMapping(prefix = "aftercare.replies")
public interface RepliesConfig {

    /**
     * Words that make a reply urgent, per language ({@code aftercare.replies.red-flags.es=peor,fiebre,...}). Matched
     * as whole words, in any case, with or without accents, with a plural ending; every language's list is checked,
     * whatever the patient's language.
     */
    Map<String, List<String>> redFlags();

    /** Words a clinic adds to the red flags, by clinic id; the shared list stays, a clinic cannot remove from it. */
    Map<String, List<String>> clinicRedFlags();

    /** The one answer to an urgent reply, per language; English when the patient's language has none. GSM-7 only. */
    Map<String, String> urgentAnswer();

    /** The address each clinic's urgent alerts go to, by clinic id. */
    Map<String, String> alertEmails();

    /** Where urgent alerts go for a clinic without its own address. */
    Optional<String> defaultAlertEmail();

    /** A new urgent reply within this time of the last automatic answer belongs to the same conversation. */
    @WithDefault("P1D")
    Duration conversation();

    /** Reply bodies are deleted this long after they arrived. */
    @WithDefault("P90D")
    Duration retention();
}
