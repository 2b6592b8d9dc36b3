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

    static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    static final String EXTENSION = "^{}\\[~]|€\f";

    private static final byte OUTSIDE = 0;
    /**
     * Septets per UTF-16 unit (1 basic, 2 extension, 0 outside the alphabet): every text of every plan is measured
     * and converted, and a scan of the alphabet strings per character was a tenth of a plan's CPU.
     */
    private static final byte[] SEPTETS = septets();
    /** What {@link #toGsm7} writes for each character outside the alphabet, filled in as they are met. */
    private static final String[] SPELLINGS = new String[Character.MAX_VALUE + 1];

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
            byte septets = SEPTETS[text.charAt(i)];
            if (septets == OUTSIDE) {
                return Optional.empty();
            }
            length += septets;
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
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SEPTETS[c] != OUTSIDE) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            out.append(spelling(c));
        }
        return out == null ? text : out.toString();
    }

    /** The GSM-7 spelling of one character outside the alphabet; the same for a character wherever it stands. */
    private static String spelling(char c) {
        String known = SPELLINGS[c];
        if (known == null) {
            known = transliterated(c);
            // A race only computes the same immutable string twice.
            SPELLINGS[c] = known;
        }
        return known;
    }

    private static String transliterated(char c) {
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        if (!base.isEmpty() && base.chars().allMatch(b -> SEPTETS[b] == 1)) {
            return base;
        }
        return switch (c) {
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
        };
    }

    private static byte[] septets() {
        byte[] septets = new byte[Character.MAX_VALUE + 1];
        EXTENSION.chars().forEach(c -> septets[c] = 2);
        BASIC.chars().forEach(c -> septets[c] = 1);
        return septets;
    }

    private static String nonGsm(String text) {
        StringBuilder found = new StringBuilder();
        text.chars()
                .filter(c -> SEPTETS[c] == OUTSIDE)
                .distinct()
                .forEach(c -> found.append((char) c));
        return found.toString();
    }
}
