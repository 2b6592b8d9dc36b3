package io.aftercare.guidance.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aftercare.guidance.model.Channel;
import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.model.SendWindow;

/**
 * The texts a plan's moments get are written from pieces rendered once per plan; they must be exactly the texts
 * written whole, as they were before, for every set of tips the composer may try.
 */
class MomentMessagesTest {

    private static final Instant END = Instant.parse("2026-03-07T17:00:00Z");

    @Test
    void textsFromMemoisedPiecesAreTheTextsRenderedWhole() throws Exception {
        ProtocolContent content = SmsTextTest.shipped();
        List<RuleOccurrence> texted = content.rules().stream()
                .filter(rule -> rule.channels().contains(Channel.SMS))
                .map(rule -> new RuleOccurrence(rule, 0, END.atZone(ZoneOffset.UTC), END, false))
                .toList();
        List<List<RuleOccurrence>> tipSets = tipSets(texted);
        int compared = 0;
        int fitting = 0;
        for (String locale : List.of("en", "es", "fr")) {
            for (Names names : names()) {
                EffectiveProtocol protocol = protocol(content, names);
                PlanCalculator.Request request = new PlanCalculator.Request(END, ZoneOffset.UTC, locale,
                        SendWindow.DEFAULT, names.first());
                MomentMessages messages = new MomentMessages(protocol, request);
                for (List<RuleOccurrence> tips : tipSets) {
                    for (boolean first : List.of(true, false)) {
                        String whole = renderedWhole(protocol, request, messages.locale(), tips, first);
                        boolean fitsWhole = SmsText.gsm7Length(whole)
                                .map(length -> length <= SmsText.SEGMENT_LENGTH)
                                .orElse(false);
                        assertThat(messages.sms(tips, first)).as(locale + " " + names + " " + tips).isEqualTo(whole);
                        assertThat(messages.fits(tips, first)).as(locale + " " + names + ": " + whole)
                                .isEqualTo(fitsWhole);
                        compared++;
                        fitting += fitsWhole ? 1 : 0;
                    }
                }
            }
        }
        // Both answers of fits are met, so the comparison is not of one constant.
        assertThat(fitting).isPositive().isLessThan(compared);
    }

    private record Names(String first, String clinic, String phone) {
    }

    private static List<Names> names() {
        return List.of(new Names("Ana", null, null),
                new Names("María José", "Clínica Núñez", "+34600111222"),
                new Names("W".repeat(Placeholders.FIRST_NAME_MAX), "W".repeat(Placeholders.CLINIC_NAME_MAX),
                        "+" + "9".repeat(15)),
                new Names("Zoë 王 {€}", "Łódź “Skin” … \uD83D\uDE00", ""));
    }

    /** No tip, every tip alone, and every ordered pair of two tips. */
    private static List<List<RuleOccurrence>> tipSets(List<RuleOccurrence> texted) {
        List<List<RuleOccurrence>> sets = new ArrayList<>();
        sets.add(List.of());
        for (RuleOccurrence one : texted) {
            sets.add(List.of(one));
            for (RuleOccurrence two : texted) {
                if (two != one) {
                    sets.add(List.of(one, two));
                }
            }
        }
        return sets;
    }

    private static EffectiveProtocol protocol(ProtocolContent content, Names names) {
        return new EffectiveProtocol("microneedling", 1, "clinic-a", names.clinic(), content.title(),
                content.defaultLocale(), SendWindow.DEFAULT, content.parameters(), content.rules(), names.phone(),
                content.effectiveBudget(), false);
    }

    /** How a text was written before pieces were kept: the whole text rendered, then spelled in GSM-7. */
    private static String renderedWhole(EffectiveProtocol protocol, PlanCalculator.Request request, String locale,
            List<RuleOccurrence> tips, boolean first) {
        String clinicName = protocol.clinicName() != null
                ? protocol.clinicName()
                : Placeholders.defaultClinicName(locale);
        Map<String, String> values = Placeholders.of(request.firstName(), clinicName, protocol.clinicPhone(),
                protocol.parameters());
        MomentMessages.Frame frame = MomentMessages.FRAMES.getOrDefault(locale, MomentMessages.FRAMES.get("en"));
        StringBuilder text = new StringBuilder(TemplateRenderer.render(frame.greeting(), values));
        for (RuleOccurrence tip : tips) {
            Rule rule = tip.rule();
            String sms = rule.templates()
                    .get(PlanCalculator.localeOf(rule, request.locale(), protocol.defaultLocale()))
                    .sms();
            text.append(' ').append(TemplateRenderer.render(sms, values));
        }
        if (first) {
            text.append(' ').append(frame.optOut());
        }
        return SmsText.toGsm7(text.toString());
    }
}
