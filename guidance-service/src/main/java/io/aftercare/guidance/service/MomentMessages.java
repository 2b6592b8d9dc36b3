package io.aftercare.guidance.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    /**
     * Each template rendered, and each piece of a text in GSM-7 with its length, once per plan: the composer tries
     * several sets of tips for each text, and rendering every candidate text whole was most of a plan's CPU. A text is
     * its pieces joined by single spaces, and {@link SmsText#toGsm7} works character by character, so the pieces'
     * conversions joined are the whole text's conversion and their lengths add up.
     */
    private final Map<String, String> rendered = new HashMap<>();
    private final Map<String, Piece> tipPieces = new HashMap<>();
    private Piece greeting;
    private Piece optOut;

    /** A piece of a text in GSM-7, and its length in septets (-1 when it cannot be sent as GSM-7). */
    private record Piece(String text, int length) {

        static Piece of(String text) {
            String gsm7 = SmsText.toGsm7(text);
            return new Piece(gsm7, SmsText.gsm7Length(gsm7).orElse(-1));
        }
    }

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
        int length = greeting().length();
        boolean sendable = length >= 0;
        for (RuleOccurrence tip : tips) {
            int tipLength = tip(tip).length();
            sendable &= tipLength >= 0;
            length += 1 + tipLength;
        }
        if (first) {
            int optOutLength = optOut().length();
            sendable &= optOutLength >= 0;
            length += 1 + optOutLength;
        }
        return sendable && length <= SmsText.SEGMENT_LENGTH;
    }

    String sms(List<RuleOccurrence> tips, boolean first) {
        StringBuilder text = new StringBuilder(greeting().text());
        for (RuleOccurrence tip : tips) {
            text.append(' ').append(tip(tip).text());
        }
        if (first) {
            text.append(' ').append(optOut().text());
        }
        return text.toString();
    }

    PlannedReminder.Email email(List<RuleOccurrence> items) {
        Frame frame = frame();
        List<RuleOccurrence> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparingInt((RuleOccurrence o) -> o.rule().effectiveRank()));
        StringBuilder body = new StringBuilder(render(frame.emailGreeting()));
        List<String> seen = new ArrayList<>();
        for (RuleOccurrence item : ordered) {
            if (!seen.contains(item.rule().key())) {
                seen.add(item.rule().key());
                body.append("\n\n").append(render(template(item.rule()).emailBody()));
            }
        }
        body.append("\n\n").append(render(frame.signOff()));
        return new PlannedReminder.Email(render(template(ordered.get(0).rule()).emailSubject()),
                body.toString());
    }

    private Frame frame() {
        return FRAMES.getOrDefault(locale, FRAMES.get("en"));
    }

    private Piece greeting() {
        if (greeting == null) {
            greeting = Piece.of(render(frame().greeting()));
        }
        return greeting;
    }

    private Piece tip(RuleOccurrence tip) {
        return tipPieces.computeIfAbsent(template(tip.rule()).sms(), template -> Piece.of(render(template)));
    }

    /** The opt-out sentence is written as it is, with no placeholders filled. */
    private Piece optOut() {
        if (optOut == null) {
            optOut = Piece.of(frame().optOut());
        }
        return optOut;
    }

    private String render(String template) {
        return rendered.computeIfAbsent(template, t -> TemplateRenderer.render(t, values));
    }

    private Template template(Rule rule) {
        return rule.templates().get(PlanCalculator.localeOf(rule, requested, protocol.defaultLocale()));
    }
}
