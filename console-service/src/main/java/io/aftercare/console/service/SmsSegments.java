package io.aftercare.console.service;

/**
 * How many SMS a text costs, as the reply box shows it while one types ({@code /console/inbox.js} counts the same way)
 * and the server checks it: a text of GSM-7 characters only goes 160 to a message, or 153 to each part of a longer
 * one; any other character makes the whole text UCS-2, 70 to a message, 67 to each part. The characters of GSM-7's
 * extension table ({@code ^ { } \ [ ~ ] | €} and form feed) take two places. Characters are counted as notification
 * counts them (UTF-16 units): at most {@value #MAX_CHARACTERS}.
 */
public final class SmsSegments {

    /** notification's limit for an answer: three GSM-7 parts. */
    public static final int MAX_CHARACTERS = 459;

    static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    static final String GSM7_EXTENSION = "^{}\\[~]|€\f";

    /**
     * @param characters UTF-16 units, as notification's limit counts them
     * @param encoding {@code GSM-7} or {@code UCS-2}
     */
    public record Count(int characters, int segments, String encoding) {

        public boolean tooLong() {
            return characters > MAX_CHARACTERS;
        }
    }

    private SmsSegments() {
    }

    public static Count of(String text) {
        String t = text == null ? "" : text;
        int septets = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (GSM7_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM7_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return new Count(t.length(), segments(t.length(), 70, 67), "UCS-2");
            }
        }
        return new Count(t.length(), segments(septets, 160, 153), "GSM-7");
    }

    /** Why a text cannot be sent as an answer, null when it can: blank, or longer than notification takes. */
    public static String refusal(String text) {
        if (text == null || text.isBlank()) {
            return "must not be blank";
        }
        if (of(text).tooLong()) {
            return "must be at most " + MAX_CHARACTERS + " characters";
        }
        return null;
    }

    private static int segments(int units, int single, int part) {
        if (units == 0) {
            return 0;
        }
        return units <= single ? 1 : (units + part - 1) / part;
    }
}
