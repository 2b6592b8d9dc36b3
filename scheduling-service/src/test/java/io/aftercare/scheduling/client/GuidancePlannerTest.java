package io.aftercare.scheduling.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.aftercare.scheduling.Booking;

/** How an answer of guidance is read: a contract drift is an error to fix, never an outage to wait out. */
class GuidancePlannerTest {

    @Test
    void anAnswerThatBreaksThePlanContractIsUnreadableNotUnavailable() {
        GuidancePlanner planner = answering(() -> {
            throw new ProcessingException(MismatchedInputException.from(null, GuidancePlan.class,
                    "Cannot deserialize value of type `int` from String \"three\""));
        });

        assertThat(planner.plan(booking())).isInstanceOf(GuidancePlanner.Unreadable.class);
    }

    @Test
    void aRefusedRequestIsUnreadableAnUnknownTreatmentIsSaidSo() {
        assertThat(answering(() -> {
            throw new WebApplicationException(400);
        }).plan(booking())).isInstanceOf(GuidancePlanner.Unreadable.class);
        assertThat(answering(() -> {
            throw new WebApplicationException(404);
        }).plan(booking())).isInstanceOf(GuidancePlanner.UnknownTreatment.class);
    }

    @Test
    void aGuidanceThatIsDownOrFailingIsUnavailable() {
        assertThat(answering(() -> {
            throw new ProcessingException(new ConnectException("Connection refused"));
        }).plan(booking())).isInstanceOf(GuidancePlanner.Unavailable.class);
        assertThat(answering(() -> {
            throw new WebApplicationException(503);
        }).plan(booking())).isInstanceOf(GuidancePlanner.Unavailable.class);
    }

    private interface Answer {
        GuidancePlan get();
    }

    private static GuidancePlanner answering(Answer answer) {
        return new GuidancePlanner((treatment, treatedAt, zone, locale, clinicId, firstName, marketing) -> answer
                .get());
    }

    private static Booking booking() {
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.clinicId = "clinic-a";
        booking.treatmentType = "microneedling";
        booking.treatmentEnd = Instant.parse("2026-06-10T15:00:00Z");
        booking.timeZone = "Europe/Madrid";
        booking.locale = "es";
        booking.firstName = "Ana";
        return booking;
    }
}
