package io.aftercare.scheduling.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.BookingFixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class BookingResourceTest {

    private static final OffsetDateTime NEXT_WEEK = OffsetDateTime.now(ZoneOffset.ofHours(1))
            .plusDays(7)
            .truncatedTo(ChronoUnit.MINUTES);

    @Inject
    EntityManager entityManager;

    @Test
    void aRepeatedPutAnswersTheSameAndKeepsOneBooking() {
        String path = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("repeat");
        String body = BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked");

        Response first = put(path, body);
        Response second = put(path, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body().asString()).isEqualTo(first.body().asString());
        assertThat(first.jsonPath().getList("reminders")).hasSize(1);
        assertThat(countBookings()).isPositive();
        given().get(path).then().statusCode(200).body("id", equalTo(first.jsonPath().getString("id")));
    }

    @Test
    void twoIdenticalPutsRacingMakeOneBooking() throws Exception {
        String externalId = BookingFixtures.uniqueId("race");
        String path = "/v1/clinics/clinic-a/bookings/" + externalId;
        String body = BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "booked");
        CyclicBarrier start = new CyclicBarrier(2);

        List<CompletableFuture<Response>> racing = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            await(start);
            return put(path, body);
        })).toList();

        List<Response> answers = racing.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 200);
        assertThat(answers.get(0).body().asString()).isEqualTo(answers.get(1).body().asString());
        assertThat(entityManager.createQuery("select count(b) from Booking b where b.externalId = :id", Long.class)
                .setParameter("id", externalId)
                .getSingleResult()).isEqualTo(1L);
    }

    @Test
    void invalidFieldsAreAllReportedAndNothingIsStored() {
        long before = countBookings();
        String body = """
                {
                  "patient": {"firstName": "", "phone": "0612", "locale": "spanish", "timeZone": "Mars/Olympus",
                              "preferredChannel": "email", "consent": {"sms": true, "email": false}},
                  "treatment": {"type": "microneedling", "startsAt": "2026-03-07T17:00:00-05:00",
                                "endsAt": "2026-03-07T16:00:00-05:00"},
                  "status": "booked"
                }
                """;

        given().contentType(ContentType.JSON)
                .body(body)
                .put("/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("bad"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("patient.firstName", "patient.phone", "patient.locale",
                        "patient.timeZoneKnown", "patient.preferredChannelReachable", "treatment.endsAtAfterStart"));

        assertThat(countBookings()).isEqualTo(before);
    }

    @Test
    void malformedJsonAndWrongTypesAreProblems() {
        long before = countBookings();
        given().contentType(ContentType.JSON)
                .body("{\"patient\": ")
                .put("/v1/clinics/clinic-a/bookings/broken")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
        given().contentType(ContentType.JSON)
                .body(BookingFixtures.booking(NEXT_WEEK, NEXT_WEEK.plusMinutes(45), "maybe"))
                .put("/v1/clinics/clinic-a/bookings/wrong-status")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        assertThat(countBookings()).isEqualTo(before);
    }

    @Test
    void anUnknownBookingIsANotFoundProblem() {
        given().get("/v1/clinics/clinic-a/bookings/never-posted")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static Response put(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).put(path).andReturn();
    }

    private long countBookings() {
        return entityManager.createQuery("select count(b) from Booking b", Long.class).getSingleResult();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
