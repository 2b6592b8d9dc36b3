package io.aftercare.scheduling.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Instant;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.aftercare.scheduling.repository.ClinicVoices;

/** How an answer of guidance is read: a contract drift is an error to fix, never an outage to wait out. */
class GuidancePlannerTest {

    @Test
    void anAnswerThatBreaksThePlanContractIsUnreadableNotUnavailable() {
        GuidancePlanner planner = answering(() -> {
            throw new ProcessingException(MismatchedInputException.from(null, GuidancePlan.class,
                    "Cannot deserialize value of type `int` from String \"three\""));
        });

        assertThat(planner.plan(request())).isInstanceOf(GuidancePlanner.Unreadable.class);
    }

    @Test
    void aRefusedRequestIsUnreadableAnUnknownTreatmentIsSaidSo() {
        assertThat(answering(() -> {
            throw new WebApplicationException(400);
        }).plan(request())).isInstanceOf(GuidancePlanner.Unreadable.class);
        assertThat(answering(() -> {
            throw new WebApplicationException(404);
        }).plan(request())).isInstanceOf(GuidancePlanner.UnknownTreatment.class);
    }

    @Test
    void aGuidanceThatIsDownOrFailingIsUnavailable() {
        assertThat(answering(() -> {
            throw new ProcessingException(new ConnectException("Connection refused"));
        }).plan(request())).isInstanceOf(GuidancePlanner.Unavailable.class);
        assertThat(answering(() -> {
            throw new WebApplicationException(503);
        }).plan(request())).isInstanceOf(GuidancePlanner.Unavailable.class);
    }

    private interface Answer {
        GuidancePlan get();
    }

    private static GuidancePlanner answering(Answer answer) {
        return new GuidancePlanner(new GuidanceCircuit(
                (treatment, treatedAt, zone, locale, clinicId, firstName, marketing, name, phone, start, end,
                        basis) -> answer
                                .get()),
                new ClinicVoices(null) {
                    @Override
                    public Voice of(String clinicId) {
                        return Voice.NONE;
                    }
                });
    }

    private static PlanRequest request() {
        return new PlanRequest("clinic-a", "microneedling", Instant.parse("2026-06-10T15:00:00Z"), "Europe/Madrid",
                "es", "Ana", false);
    }
}
