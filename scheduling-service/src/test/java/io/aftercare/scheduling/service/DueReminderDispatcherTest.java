package io.aftercare.scheduling.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.TopicReader;
import io.aftercare.scheduling.BookingFixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class DueReminderDispatcherTest {

    private static final Duration DISPATCH_BOUND = Duration.ofSeconds(15);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aDueReminderIsPublishedAsABinaryCloudEventAndMarkedDispatched() {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String path = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("due-now");
        JsonPath booking = put(path, BookingFixtures.booking(end.minusMinutes(45), end, "booked"));
        String bookingId = booking.getString("id");
        String reminderId = booking.getString("reminders[0].id");

        List<ConsumerRecord<String, String>> events;
        try (TopicReader topic = new TopicReader(bootstrapServers, "reminders-due")) {
            events = topic.read(record -> bookingId.equals(record.key()), 1, DISPATCH_BOUND);
        }

        assertThat(events).hasSize(1);
        ConsumerRecord<String, String> event = events.get(0);
        assertThat(header(event, "ce_id")).isEqualTo(reminderId);
        assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(event, "ce_type")).isEqualTo("io.aftercare.reminder.due.v1");
        JsonPath data = JsonPath.from(event.value());
        assertThat(data.getString("reminderId")).isEqualTo(reminderId);
        assertThat(data.getString("clinicId")).isEqualTo("clinic-a");
        assertThat(data.getString("recipient.phone")).isEqualTo("+34612345678");
        assertThat(data.getString("messages.sms")).startsWith("Hi Ana,");
        awaitReminderState(path, "dispatched");
    }

    @Test
    void aCancelledBookingPublishesNothing() {
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        String path = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("cancelled");
        String bookingId = put(path, BookingFixtures.booking(soon.minusMinutes(45), soon, "booked")).getString("id");
        JsonPath cancelled = given().contentType(ContentType.JSON)
                .body(BookingFixtures.booking(soon.minusMinutes(45), soon, "cancelled"))
                .put(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(cancelled.getList("reminders.state")).containsOnly("revoked");
        try (TopicReader topic = new TopicReader(bootstrapServers, "reminders-due")) {
            assertThat(topic.readFor(record -> bookingId.equals(record.key()), Duration.ofSeconds(6))).isEmpty();
        }
    }

    @Test
    void aBookingPostedAfterTheAdviceWentStaleSendsNothing() {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).minusDays(3).truncatedTo(ChronoUnit.SECONDS);
        String path = "/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("late");
        String bookingId = put(path, BookingFixtures.booking(end.minusMinutes(45), end, "booked")).getString("id");

        awaitReminderState(path, "expired");
        try (TopicReader topic = new TopicReader(bootstrapServers, "reminders-due")) {
            assertThat(topic.readFor(record -> bookingId.equals(record.key()), Duration.ofSeconds(2))).isEmpty();
        }
    }

    private static JsonPath put(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).put(path).then().statusCode(201).extract().jsonPath();
    }

    private static void awaitReminderState(String path, String state) {
        long deadline = System.nanoTime() + DISPATCH_BOUND.toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            seen = given().get(path).then().statusCode(200).extract().jsonPath().getString("reminders[0].state");
            if (state.equals(seen)) {
                return;
            }
            sleep(200);
        }
        assertThat(seen).as("state of the reminder of " + path).isEqualTo(state);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
