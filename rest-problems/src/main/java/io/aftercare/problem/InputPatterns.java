package io.aftercare.problem;

/**
 * The shapes of the identifiers every service accepts, in one place so that a clinic id valid at one service is valid
 * at all of them.
 */
public final class InputPatterns {

    /** A clinic id: letters, digits, dot, underscore and hyphen, up to 64, not starting with punctuation. */
    public static final String CLINIC_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** A treatment or rule key: lower-case words joined by hyphens ({@code microneedling}, {@code avoid-sun}). */
    public static final String KEY = "[a-z][a-z0-9-]{0,63}";

    /** A language tag: a language, optionally with a region ({@code en}, {@code es-MX}). */
    public static final String LANGUAGE_TAG = "[a-z]{2}(-[A-Z]{2})?";

    private InputPatterns() {
    }
}
