package io.aftercare.guidance.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.model.Template;

/**
 * Writes a care moment's text and email in the patient's language. The text is a greeting and the moment's one or two
 * tips (the first text also says how to opt out), in GSM-7 whatever the names are; the email is every piece of the
 * moment's advice with its reasons.
 */
final class MomentMessages {

    /** The words around the tips, per language: not advice, so they need no source. */
    record Frame(String greeting, String optOut, String emailGreeting, String signOff) {
    }

    static final Map<String, Frame> FRAMES = Map.of(
            "en", new Frame("Hi {firstName}, from {clinicName}:", "Reply STOP to opt out.", "Hi {firstName},",
                    "{clinicName}"),
            "es", new Frame("Hola {firstName}, de {clinicName}:", "Responde STOP para darte de baja.",
                    "Hola {firstName}:", "{clinicName}"));

    private final EffectiveProtocol protocol;
    private final String requested;
    private final String locale;
    private final Map<String, String> values;

    MomentMessages(EffectiveProtocol protocol, PlanCalculator.Request request) {
        this.protocol = protocol;
        this.requested = request.locale();
        this.locale = protocol.rules().isEmpty()
                ? protocol.defaultLocale()
                : PlanCalculator.localeOf(protocol.rules().get(0), request.locale(), protocol.defaultLocale());
        String clinicName = protocol.clinicName() != null
                ? protocol.clinicName()
                : Placeholders.defaultClinicName(locale);
        this.values = Placeholders.of(request.firstName(), clinicName, protocol.clinicPhone(), protocol.parameters());
    }

    String locale() {
        return locale;
    }

    boolean fits(List<RuleOccurrence> tips, boolean first) {
        return SmsText.gsm7Length(sms(tips, first)).map(length -> length <= SmsText.SEGMENT_LENGTH).orElse(false);
    }

    String sms(List<RuleOccurrence> tips, boolean first) {
        Frame frame = frame();
        StringBuilder text = new StringBuilder(TemplateRenderer.render(frame.greeting(), values));
        for (RuleOccurrence tip : tips) {
            text.append(' ').append(TemplateRenderer.render(template(tip.rule()).sms(), values));
        }
        if (first) {
            text.append(' ').append(frame.optOut());
        }
        return SmsText.toGsm7(text.toString());
    }

    PlannedReminder.Email email(List<RuleOccurrence> items) {
        Frame frame = frame();
        List<RuleOccurrence> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparingInt((RuleOccurrence o) -> o.rule().effectiveRank()));
        StringBuilder body = new StringBuilder(TemplateRenderer.render(frame.emailGreeting(), values));
        List<String> seen = new ArrayList<>();
        for (RuleOccurrence item : ordered) {
            if (!seen.contains(item.rule().key())) {
                seen.add(item.rule().key());
                body.append("\n\n").append(TemplateRenderer.render(template(item.rule()).emailBody(), values));
            }
        }
        body.append("\n\n").append(TemplateRenderer.render(frame.signOff(), values));
        return new PlannedReminder.Email(TemplateRenderer.render(template(ordered.get(0).rule()).emailSubject(),
                values), body.toString());
    }

    private Frame frame() {
        return FRAMES.getOrDefault(locale, FRAMES.get("en"));
    }

    private Template template(Rule rule) {
        return rule.templates().get(PlanCalculator.localeOf(rule, requested, protocol.defaultLocale()));
    }
}
