package io.aftercare.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyReaderTest {

    private final ReplyReader reader = new ReplyReader(List.of("worse", "infection", "pus", "fever", "bleeding",
            "blister", "pain", "peor", "infección", "fiebre", "sangra", "ampolla", "dolor"));

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "3|3", "  3 thanks|3", "tres|3", "Tres, gracias|3", "4, muy roja|4", "five|5", "1|1", "uno|1",
            "5/5 awful|5", "10 days and still red|", "0|", "6|", "thanks!|", "it's 3 days now|"})
    void aCheckInAnswerIsTheNumberTheReplyStartsWith(String body, Integer score) {
        assertThat(reader.read(body, true).score()).isEqualTo(Optional.ofNullable(score));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {"3", "tres", "5"})
    void aNumberIsNoAnswerWhenNoCheckInWasAsked(String body) {
        assertThat(reader.read(body, false).score()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "my face is swollen and has a FEVER|fever", "tengo fiebre|fiebre", "creo que hay infeccion|infección",
            "INFECCIÓN?|infección", "two blisters on my cheek|blister", "me sangra un poco|sangra",
            "it got worse overnight|worse", "mucho peor|peor", "some pain|pain"})
    void redFlagWordsMatchInAnyCaseWithOrWithoutAccentsAndInThePlural(String body, String flag) {
        ReplyReader.Reading reading = reader.read(body, false);
        assertThat(reading.redFlags()).containsExactly(flag);
        assertThat(reading.urgent()).isTrue();
        assertThat(reading.reason()).hasValue("red flags: " + flag);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {"Is it normal that it itches?", "push the appointment please",
            "painting the house tomorrow, can I?", "3 thanks"})
    void ordinaryRepliesAreNotUrgent(String body) {
        assertThat(reader.read(body, true).urgent()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {"4", "5 much worse", "cuatro"})
    void aScoreOfFourOrFiveIsUrgent(String body) {
        ReplyReader.Reading reading = reader.read(body, true);
        assertThat(reading.urgent()).isTrue();
        assertThat(reading.reason().orElseThrow()).startsWith("check-in answer");
    }
}
