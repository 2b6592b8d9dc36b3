package io.aftercare.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The reply box's count, as the server checks it (inbox.js counts the same way): GSM-7 160 to a message and 153 to
 * each part, its extension characters taking two places; any other character makes it UCS-2, 70 and 67.
 */
class SmsSegmentsTest {

    @Test
    void gsm7TextsGo160ToAMessageAnd153ToEachPart() {
        assertThat(SmsSegments.of("")).isEqualTo(new SmsSegments.Count(0, 0, "GSM-7"));
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments.Count(160, 1, "GSM-7"));
        assertThat(SmsSegments.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
        // Spanish with the accents GSM-7 has (é, ñ, ¿) stays GSM-7.
        assertThat(SmsSegments.of("¿Qué tal? Mañana te llamamos.").encoding()).isEqualTo("GSM-7");
    }

    @Test
    void extensionCharactersTakeTwoPlaces() {
        assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments.Count(80, 1, "GSM-7"));
        assertThat(SmsSegments.of("€".repeat(81)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("[]{}").segments()).isEqualTo(1);
    }

    @Test
    void anyOtherCharacterMakesTheWholeTextUcs2() {
        assertThat(SmsSegments.of("á".repeat(70))).isEqualTo(new SmsSegments.Count(70, 1, "UCS-2"));
        assertThat(SmsSegments.of("á".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("á".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("á".repeat(135)).segments()).isEqualTo(3);
        // One emoji is two UTF-16 units, as notification counts its limit.
        assertThat(SmsSegments.of("a".repeat(100) + "🙂")).isEqualTo(new SmsSegments.Count(102, 2, "UCS-2"));
    }

    @Test
    void theServerRefusesWhatNotificationWouldBlankOrLongerThan459() {
        assertThat(SmsSegments.of("a".repeat(459)).tooLong()).isFalse();
        assertThat(SmsSegments.of("a".repeat(460)).tooLong()).isTrue();
        assertThat(SmsSegments.refusal("a".repeat(459))).isNull();
        assertThat(SmsSegments.refusal("a".repeat(460))).contains("459");
        assertThat(SmsSegments.refusal("  \n")).isEqualTo("must not be blank");
        assertThat(SmsSegments.refusal(null)).isEqualTo("must not be blank");
    }
}
