package io.aftercare.guidance.service;

import java.text.Normalizer;
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
        return revealingWord(rendered)
                .map(word -> "names a treatment or condition (\"" + word + "\"); texts must stay discreet");
    }

    /** The first word stem in the text that would tell a reader of the phone what the patient had done. */
    public static Optional<String> revealingWord(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return REVEALING_WORDS.stream().filter(lower::contains).findFirst();
    }

    /**
     * The text with every character outside GSM-7 replaced by its nearest GSM-7 spelling (María → Maria, Zoë → Zoe,
     * Clínica → Clinica; é, ñ and ü stay, they are in the alphabet), so that a name cannot turn a text into UCS-2.
     */
    public static String toGsm7(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0) {
                out.append(c);
                continue;
            }
            String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            if (!base.isEmpty() && base.chars().allMatch(b -> BASIC.indexOf(b) >= 0)) {
                out.append(base);
            } else {
                out.append(switch (c) {
                    case '’', '‘', '´', '`' -> "'";
                    case '“', '”', '«', '»' -> "\"";
                    case '–', '—' -> "-";
                    case '…' -> "...";
                    case '\u00a0' -> " ";
                    // Letters NFD does not take apart.
                    case 'Ł' -> "L";
                    case 'ł', 'ı' -> c == 'ł' ? "l" : "i";
                    case 'Đ' -> "D";
                    case 'đ' -> "d";
                    case 'Þ' -> "Th";
                    case 'þ' -> "th";
                    case 'Œ' -> "OE";
                    case 'œ' -> "oe";
                    default -> "?";
                });
            }
        }
        return out.toString();
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
