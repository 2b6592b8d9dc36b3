package io.aftercare.guidance.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules a text message must keep: one segment of the GSM 03.38 7-bit alphabet (160 characters, the extension
 * characters counting twice) and no word that reveals a treatment or a condition to whoever glances at the phone.
 */
public final class SmsText {

    public static final int SEGMENT_LENGTH = 160;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    /** Stems, in the languages we write, of words that name the treatment or what it treats. */
    static final List<String> REVEALING_WORDS = List.of("needl", "aguja", "microneedl", "micro-needl", "dermaroll",
            "treatment", "tratamiento", "procedure", "procedimiento", "acne", "acné", "scar", "cicatri", "stretch mark",
            "estría", "estria", "wrinkle", "arruga", "collagen", "colágeno", "colageno", "aesthetic", "estétic",
            "cosmetic", "cosmétic");

    private SmsText() {
    }

    /** Length in GSM-7 septets, or empty when a character is outside the alphabet (which would force UCS-2). */
    public static Optional<Integer> gsm7Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                length += 1;
            } else if (EXTENSION.indexOf(c) >= 0) {
                length += 2;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(length);
    }

    /** What is wrong with this rendered text, or empty when it is a proper one-segment message. */
    public static Optional<String> problem(String rendered) {
        Optional<Integer> length = gsm7Length(rendered);
        if (length.isEmpty()) {
            return Optional.of("uses characters outside the GSM-7 alphabet (" + nonGsm(rendered)
                    + "), which would shrink the message to 70 characters");
        }
        if (length.get() > SEGMENT_LENGTH) {
            return Optional.of("is " + length.get() + " GSM-7 characters with the longest placeholders; at most "
                    + SEGMENT_LENGTH + " fit one message");
        }
        String lower = rendered.toLowerCase(Locale.ROOT);
        return REVEALING_WORDS.stream()
                .filter(lower::contains)
                .findFirst()
                .map(word -> "names a treatment or condition (\"" + word + "\"); texts must stay discreet");
    }

    private static String nonGsm(String text) {
        StringBuilder found = new StringBuilder();
        text.chars()
                .filter(c -> BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0)
                .distinct()
                .forEach(c -> found.append((char) c));
        return found.toString();
    }
}
