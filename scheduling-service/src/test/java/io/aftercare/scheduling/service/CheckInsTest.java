package io.aftercare.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.CloudEventWriter;
import io.aftercare.localstack.testing.Eventually;
import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class CheckInsTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theLatestCheckInAnswerShowsOnTheBookingAndALateOlderOneDoesNotReplaceIt() {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
        String path = "/v1/clinics/clinic-p/bookings/" + BookingFixtures.uniqueId("check-in");
        JsonPath booking = Clinics.as("clinic-p").body(BookingFixtures.booking(end.minusMinutes(45), end, "booked"))
                .put(path).then().statusCode(201).extract().jsonPath();
        assertThat(booking.getString("checkIn")).isNull();
        String bookingId = booking.getString("id");
        Instant answered = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        reply(bookingId, "clinic-p", 4, answered);
        reply(bookingId, "clinic-p", 2, answered.minusSeconds(60));
        // Another clinic cannot write on this booking, whatever an event claims.
        reply(bookingId, "clinic-other", 1, answered.plusSeconds(60));
        // Only a reply with an answer concerns the booking.
        reply(bookingId, "clinic-p", null, answered.plusSeconds(120));

        JsonPath scored = Eventually.await(BOUND, () -> {
            JsonPath now = Clinics.as("clinic-p").get(path).jsonPath();
            return now.get("checkIn") == null ? null : now;
        });
        Eventually.pause(1000);
        JsonPath settled = Clinics.as("clinic-p").get(path).jsonPath();
        assertThat(settled.getInt("checkIn.score")).isEqualTo(4);
        assertThat(settled.getString("checkIn.answeredAt")).isEqualTo(answered.toString());
        assertThat(scored.getInt("checkIn.score")).isEqualTo(4);
    }

    private void reply(String bookingId, String clinicId, Integer score, Instant at) {
        String replyId = UUID.randomUUID().toString();
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("patient-replies", bookingId, replyId, "io.aftercare.patient.replied.v1", """
                    {"replyId": "%s", "clinicId": "%s", "bookingId": "%s", "bookingRef": "ext", "language": "en",
                     "checkInScore": %s, "urgent": %s, "urgentReason": null, "receivedAt": "%s"}
                    """.formatted(replyId, clinicId, bookingId, score, score != null && score >= 4, at));
        }
    }
}
