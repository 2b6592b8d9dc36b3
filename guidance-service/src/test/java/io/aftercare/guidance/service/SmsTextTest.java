package io.aftercare.guidance.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

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

    private static ProtocolContent shipped() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = SmsTextTest.class.getResourceAsStream("/seed/microneedling.json")) {
            return json.readValue(in, ProtocolContent.class);
        }
    }
}
