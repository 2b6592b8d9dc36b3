package io.aftercare.scheduling.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.PatientReplied;
import io.aftercare.localstack.testing.CloudEventWriter;
import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.TopicReader;
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
/** The events scheduling consumes, as they arrive on Kafka: acted on once, and parked with the reason when unreadable. */
class EventConsumersTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Test
    void theLatestCheckInAnswerShowsOnTheBookingAndALateOlderOneDoesNotReplaceIt() throws InterruptedException {
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

        JsonPath scored = await().atMost(BOUND).pollInSameThread().until(() -> {
            JsonPath now = Clinics.as("clinic-p").get(path).jsonPath();
            return now.get("checkIn") == null ? null : now;
        }, Objects::nonNull);
        Thread.sleep(1000);
        JsonPath settled = Clinics.as("clinic-p").get(path).jsonPath();
        assertThat(settled.getInt("checkIn.score")).isEqualTo(4);
        assertThat(settled.getString("checkIn.answeredAt")).isEqualTo(answered.toString());
        assertThat(scored.getInt("checkIn.score")).isEqualTo(4);
    }

    @Test
    void anUnreadableEventIsParkedWithTheReasonAndTheOnesBehindItKeepFlowing() {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
        String path = "/v1/clinics/clinic-p/bookings/" + BookingFixtures.uniqueId("after-poison");
        String bookingId = Clinics.as("clinic-p").body(BookingFixtures.booking(end.minusMinutes(45), end, "booked"))
                .put(path).then().statusCode(201).extract().path("id");
        String poison = UUID.randomUUID().toString();

        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("patient-replies", bookingId, poison, "io.aftercare.patient.replied.v1",
                    "{\"replyId\": \"not-a-uuid\", \"bookingId\": 42, \"marker\": \"" + poison + "\"}");
        }
        reply(bookingId, "clinic-p", 2, Instant.now().truncatedTo(ChronoUnit.SECONDS));

        try (TopicReader parked = new TopicReader(bootstrapServers, "patient-replies-dlt")) {
            var records = parked.read(r -> r.value() == null || r.value().contains(poison)
                    || new String(r.headers().lastHeader("ce_id") == null
                            ? new byte[0]
                            : r.headers().lastHeader("ce_id").value()).equals(poison),
                    1, BOUND);
            assertThat(records).hasSize(1);
            assertThat(records.get(0).headers().lastHeader("dead-letter-reason")).isNotNull();
        }
        await().atMost(BOUND).pollInSameThread()
                .until(() -> Integer.valueOf(2).equals(Clinics.as("clinic-p").get(path).jsonPath()
                        .get("checkIn.score")));
    }

    private void reply(String bookingId, String clinicId, Integer score, Instant at) {
        PatientReplied reply = new PatientReplied(UUID.randomUUID(), clinicId, UUID.fromString(bookingId), "ext", "en",
                score, score != null && score >= 4, null, at);
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("patient-replies", bookingId, reply.replyId().toString(), PatientReplied.TYPE,
                    json.writeValueAsString(reply));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
