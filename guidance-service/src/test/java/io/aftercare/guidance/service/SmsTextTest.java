package io.aftercare.guidance.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.aftercare.guidance.model.Channel;
import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.model.Rule;

class SmsTextTest {

    @Test
    void everyShippedTipFitsOneDiscreetGsm7SegmentWithTheGreetingAndTheLongestNames() throws Exception {
        ProtocolContent content = shipped();
        Map<String, String> longest = Placeholders.longest(content.parameters());
        int checked = 0;
        for (Rule rule : content.rules()) {
            assertThat(rule.channels()).contains(Channel.SMS);
            for (String locale : ContentValidator.REQUIRED_LOCALES) {
                String sms = TemplateRenderer.render(MomentMessages.FRAMES.get(locale).greeting() + " "
                        + rule.templates().get(locale).sms(), longest);
                assertThat(sms).as(rule.key() + "/" + locale).contains("W".repeat(Placeholders.FIRST_NAME_MAX));
                assertThat(SmsText.gsm7Length(sms)).as(rule.key() + "/" + locale + ": " + sms)
                        .hasValueSatisfying(length -> assertThat(length).isLessThanOrEqualTo(160));
                assertThat(SmsText.problem(sms)).as(rule.key() + "/" + locale + ": " + sms).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(content.rules().size() * 2);
    }

    @Test
    void namesAreTransliteratedIntoGsm7AndWhatIsInGsm7StaysAsItIs() {
        assertThat(SmsText.toGsm7("María, Zoë, Clínica Núñez, Åsa, Ørjan")).isEqualTo(
                "Maria, Zoe, Clinica Nuñez, Åsa, Ørjan");
        assertThat(SmsText.toGsm7("¿Qué tal? ¡Bien! café, pingüino")).isEqualTo("¿Qué tal? ¡Bien! café, pingüino");
        assertThat(SmsText.toGsm7("Łukasz’s “clinic” — 王")).isEqualTo("Lukasz's \"clinic\" - ?");
        assertThat(SmsText.gsm7Length(SmsText.toGsm7("Ļīga Šķēle"))).isPresent();
    }

    @Test
    void recognisesWhatBreaksATextMessage() {
        assertThat(SmsText.problem("x".repeat(160))).isEmpty();
        assertThat(SmsText.problem("x".repeat(161))).hasValueSatisfying(p -> assertThat(p).contains("161"));
        assertThat(SmsText.gsm7Length("{€}")).contains(6);
        assertThat(SmsText.problem("Your sesión")).hasValueSatisfying(p -> assertThat(p).contains("ó"));
        assertThat(SmsText.problem("After your microneedling, rest")).hasValueSatisfying(
                p -> assertThat(p).contains("needl"));
        assertThat(SmsText.problem("Tras el tratamiento, descansa")).hasValueSatisfying(
                p -> assertThat(p).contains("tratamiento"));
    }

    @Test
    void theLookupTableMeasuresAndSpellsEveryCharacterAsTheAlphabetStringsDo() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            assertThat(SmsText.gsm7Length(one)).as("U+%04X", c).isEqualTo(scannedLength(one));
            assertThat(SmsText.toGsm7(one)).as("U+%04X", c).isEqualTo(scannedGsm7(one));
        }
        String mixed = "Hi Zoë 王 {€} Łódź, “ok” … \uD83D\uDE00 café";
        assertThat(SmsText.toGsm7(mixed)).isEqualTo(scannedGsm7(mixed)).isEqualTo(
                "Hi Zoe ? {€} Lodz, \"ok\" ... ?? café");
        assertThat(SmsText.gsm7Length(mixed)).isEqualTo(scannedLength(mixed)).isEmpty();
        assertThat(SmsText.gsm7Length("{€} ok")).isEqualTo(scannedLength("{€} ok")).contains(9);
    }

    /** The definition before the lookup table: a scan of the alphabet strings for every character. */
    private static Optional<Integer> scannedLength(String text) {
        int length = 0;
        for (char c : text.toCharArray()) {
            if (SmsText.BASIC.indexOf(c) >= 0) {
                length += 1;
            } else if (SmsText.EXTENSION.indexOf(c) >= 0) {
                length += 2;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(length);
    }

    private static String scannedGsm7(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (SmsText.BASIC.indexOf(c) >= 0 || SmsText.EXTENSION.indexOf(c) >= 0) {
                out.append(c);
                continue;
            }
            String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            if (!base.isEmpty() && base.chars().allMatch(b -> SmsText.BASIC.indexOf(b) >= 0)) {
                out.append(base);
            } else {
                out.append(switch (c) {
                    case '’', '‘', '´', '`' -> "'";
                    case '“', '”', '«', '»' -> "\"";
                    case '–', '—' -> "-";
                    case '…' -> "...";
                    case '\u00a0' -> " ";
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

    static ProtocolContent shipped() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = SmsTextTest.class.getResourceAsStream("/seed/microneedling.json")) {
            return json.readValue(in, ProtocolContent.class);
        }
    }
}
