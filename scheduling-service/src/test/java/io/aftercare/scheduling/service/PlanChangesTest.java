package io.aftercare.scheduling.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.events.NotificationStatus;
import io.aftercare.localstack.testing.CloudEventWriter;
import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.aftercare.scheduling.ReminderState;
import io.aftercare.scheduling.repository.NotifiedReminders;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class PlanChangesTest {

    @Inject
    NotifiedReminders notified;
    @Inject
    DataSource dataSource;

    private static final Duration BOUND = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.rest-client.guidance.url")
    String guidanceUrl;

    @Test
    void aNewProtocolVersionRePlansBookingsStillAheadAndLeavesThePastAlone() {
        OffsetDateTime nextWeek = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
        OffsetDateTime lastWeek = nextWeek.minusDays(14);
        String ahead = "/v1/clinics/clinic-p/bookings/" + BookingFixtures.uniqueId("ahead");
        String past = "/v1/clinics/clinic-p/bookings/" + BookingFixtures.uniqueId("past");
        int version = put(ahead, BookingFixtures.booking(nextWeek, nextWeek.plusMinutes(45), "booked"), 201)
                .getInt("protocolVersion");
        put(past, BookingFixtures.booking(lastWeek, lastWeek.plusMinutes(45), "booked"), 201);

        int published = publishNewMicroneedlingVersion();

        assertThat(published).isGreaterThan(version);
        JsonPath replanned = await(ahead, b -> b.getInt("protocolVersion") == published);
        assertThat(replanned.getString("planState")).isEqualTo("planned");
        assertThat(replanned.getList("reminders.findAll { it.state == 'planned' }.protocolVersion", Integer.class))
                .isNotEmpty()
                .containsOnly(published);
        assertThat(Clinics.as("clinic-p").get(past).jsonPath().getInt("protocolVersion")).isEqualTo(version);
    }

    @Test
    void aClinicsOverrideChangeRePlansThatClinicsBookingsAndNoOthers() {
        String clinic = "clinic-q-" + ThreadLocalRandom.current().nextInt(1_000_000);
        OffsetDateTime nextWeek = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
        OffsetDateTime end = nextWeek.plusMinutes(45);
        String mine = "/v1/clinics/" + clinic + "/bookings/" + BookingFixtures.uniqueId("override");
        String other = "/v1/clinics/clinic-p/bookings/" + BookingFixtures.uniqueId("untouched");
        Clinics.as(clinic).body(BookingFixtures.booking(nextWeek, end, "booked")).put(mine).then().statusCode(201);
        List<String> otherBefore = put(other, BookingFixtures.booking(nextWeek, end, "booked"), 201)
                .getList("reminders.id");
        String seventyTwoHours = end.plusHours(72).toInstant().toString();

        given().baseUri(guidanceUrl).auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body("{\"parameters\": {\"sunAvoidanceHours\": 72}}")
                .put("/v1/admin/clinics/" + clinic + "/protocols/microneedling")
                .then()
                .statusCode(201);

        // The sun moment moves from 48 to 72 hours after the end, through guidance's event and a re-plan.
        Awaitility.await().atMost(BOUND).pollInSameThread().until(() -> {
            JsonPath booking = Clinics.as(clinic).get(mine).jsonPath();
            return booking.getString("reminders.find { it.dueAt == '" + seventyTwoHours
                    + "' && it.state == 'planned' }.id") != null ? booking : null;
        }, Objects::nonNull);
        assertThat(
                Clinics.as("clinic-p").get(other).jsonPath().getList("reminders.findAll { it.state == 'planned' }.id"))
                .containsExactlyInAnyOrderElementsOf(otherBefore);
    }

    @Test
    void stopRevokesTextOnlyRemindersAndStartBringsThemBack() {
        String phone = "+346" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        OffsetDateTime nextWeek = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
        String textOnly = "/v1/clinics/clinic-p/bookings/" + BookingFixtures.uniqueId("text-only");
        String withEmail = "/v1/clinics/clinic-p/bookings/" + BookingFixtures.uniqueId("with-email");
        String body = BookingFixtures.booking(nextWeek, nextWeek.plusMinutes(45), "booked")
                .replace("+34612345678", phone);
        put(textOnly, body.replace("\"email\": true", "\"email\": false"), 201);
        put(withEmail, body, 201);

        preference(phone, true);

        await(textOnly, b -> b.getList("reminders.state").stream().noneMatch("planned"::equals));
        assertThat(Clinics.as("clinic-p").get(withEmail).jsonPath().getList("reminders.state")).contains("planned");

        preference(phone, false);

        JsonPath restored = await(textOnly, b -> b.getList("reminders.state").contains("planned"));
        List<Map<String, Object>> live = restored.getList("reminders.findAll { it.state == 'planned' }");
        assertThat(live.stream().map(r -> r.get("ruleKey") + "#" + r.get("occurrence")).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void aStopToOneClinicsSenderRevokesOnlyTheRemindersOfClinicsTextingFromIt() {
        String phone = "+346" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String own = "clinic-own-" + UUID.randomUUID().toString().substring(0, 6);
        String shared = "clinic-shared-" + UUID.randomUUID().toString().substring(0, 6);
        String sender = "MG" + UUID.randomUUID().toString().replace("-", "");
        Clinics.operator().contentType(ContentType.JSON)
                .body(Clinics.FULL_PROFILE.replace("MG0123456789abcdef0123456789abcdef", sender))
                .put("/v1/admin/clinics/" + own).then().statusCode(201);
        OffsetDateTime nextWeek = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
        String body = BookingFixtures.booking(nextWeek, nextWeek.plusMinutes(45), "booked")
                .replace("+34612345678", phone).replace("\"email\": true", "\"email\": false");
        String ofOwn = "/v1/clinics/" + own + "/bookings/" + BookingFixtures.uniqueId("own");
        String ofShared = "/v1/clinics/" + shared + "/bookings/" + BookingFixtures.uniqueId("shared");
        Clinics.as(own).body(body).put(ofOwn).then().statusCode(201);
        Clinics.as(shared).body(body).put(ofShared).then().statusCode(201);

        // STOP to the clinic's own Messaging Service: its plan stops, the other clinic's (deployment sender) stays.
        preference(phone, true, sender, false);
        await(own, ofOwn, b -> b.getList("reminders.state").stream().noneMatch("planned"::equals));
        assertThat(Clinics.as(shared).get(ofShared).jsonPath().getList("reminders.state")).contains("planned");

        // STOP to the deployment's number: now the other clinic's too.
        preference(phone, true, "+15005550006", true);
        await(shared, ofShared, b -> b.getList("reminders.state").stream().noneMatch("planned"::equals));
    }

    @Test
    void theNotificationServicesReportsMoveDispatchedRemindersToDeliveredOrFailed() throws InterruptedException {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String path = "/v1/clinics/clinic-p/bookings/" + BookingFixtures.uniqueId("reported");
        put(path, BookingFixtures.booking(end.minusMinutes(45), end, "booked"), 201);
        JsonPath dispatched = await(path, b -> b.getString(
                "reminders.find { it.ruleKey == 'leaving' && it.state == 'dispatched' }.id") != null);
        String reminderId = dispatched.getString("reminders.find { it.ruleKey == 'leaving' }.id");

        status(reminderId, "delivered");
        status(reminderId, "failed");

        await(path, b -> "delivered".equals(
                b.getString("reminders.find { it.id == '" + reminderId + "' }.state")));
        Thread.sleep(1000);
        assertThat(Clinics.as("clinic-p").get(path).jsonPath()
                .getString("reminders.find { it.id == '" + reminderId + "' }.state")).isEqualTo("delivered");
    }

    /** A redelivered status event (same CloudEvent id) changes nothing, even after a later event changed the row. */
    @Test
    void aStatusEventIsActedOnOnceHoweverOftenItArrives() throws Exception {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String path = "/v1/clinics/clinic-p/bookings/" + BookingFixtures.uniqueId("once");
        put(path, BookingFixtures.booking(end.minusMinutes(45), end, "booked"), 201);
        UUID reminderId = UUID.fromString(await(path, b -> b.getString(
                "reminders.find { it.ruleKey == 'leaving' && it.state == 'dispatched' }.id") != null)
                .getString("reminders.find { it.ruleKey == 'leaving' }.id"));
        Instant now = Instant.now();
        NotificationStatus sent = new NotificationStatus(reminderId, "clinic-p", UUID.randomUUID(), "sent", "sms",
                null, now);
        NotificationStatus failed = new NotificationStatus(reminderId, "clinic-p", UUID.randomUUID(), "failed",
                "sms", "30003", now);

        notified.recordOnce(now, new NotifiedReminders.Outcome("once-sent", sent, null, now));
        assertThat(notifiedStatus(reminderId)).isEqualTo("sent");
        notified.recordOnce(now, new NotifiedReminders.Outcome("once-failed", failed, ReminderState.FAILED, now));
        notified.recordOnce(now, new NotifiedReminders.Outcome("once-sent", sent, null, now));

        assertThat(notifiedStatus(reminderId)).isEqualTo("failed");
    }

    private String notifiedStatus(UUID reminderId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT notified_status FROM reminder WHERE id = ?")) {
            query.setObject(1, reminderId);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    private void status(String reminderId, String status) {
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("notification-status", reminderId, reminderId + ":" + status,
                    "io.aftercare.notification.status.v1", """
                            {"reminderId": "%s", "clinicId": "clinic-p", "bookingId": "%s", "status": "%s",
                             "channel": "sms", "at": "%s"}
                            """.formatted(reminderId, UUID.randomUUID(), status, Instant.now()));
        }
    }

    /** As notification announced it before senders were named: for every sender. */
    private void preference(String phone, boolean optedOut) {
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("recipient-preferences", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    "io.aftercare.recipient.preference.changed.v1", """
                            {"channel": "sms", "address": "%s", "optedOut": %s, "at": "%s"}
                            """.formatted(phone, optedOut, Instant.now()));
        }
    }

    private void preference(String phone, boolean optedOut, String sender, boolean deploymentSender) {
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("recipient-preferences", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    "io.aftercare.recipient.preference.changed.v1", """
                            {"channel": "sms", "address": "%s", "optedOut": %s, "at": "%s", "sender": "%s",
                             "deploymentSender": %s}
                            """.formatted(phone, optedOut, Instant.now(), sender, deploymentSender));
        }
    }

    /** Through guidance's own admin API, as an editor would: the real protocol-published event follows. */
    private int publishNewMicroneedlingVersion() {
        Map<String, Object> rule = given().baseUri(guidanceUrl)
                .get("/v1/protocols/microneedling")
                .jsonPath()
                .getMap("rules.find { it.key == 'hydrate' }");
        rule.put("validity", "PT" + (5 + ThreadLocalRandom.current().nextInt(3)) + "H");
        given().baseUri(guidanceUrl).auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body(rule)
                .put("/v1/admin/protocols/microneedling/draft/rules/hydrate")
                .then()
                .statusCode(200);
        return given().baseUri(guidanceUrl).auth().preemptive().basic("admin", "admin")
                .post("/v1/admin/protocols/microneedling/publish")
                .then()
                .statusCode(201)
                .extract()
                .path("version");
    }

    private static JsonPath await(String path, Predicate<JsonPath> condition) {
        return await("clinic-p", path, condition);
    }

    private static JsonPath await(String clinic, String path, Predicate<JsonPath> condition) {
        return Awaitility.await().atMost(BOUND).pollInSameThread().until(() -> {
            JsonPath booking = Clinics.as(clinic).get(path).then().statusCode(200).extract().jsonPath();
            return condition.test(booking) ? booking : null;
        }, Objects::nonNull);
    }

    private static JsonPath put(String path, String body, int status) {
        return Clinics.as("clinic-p").body(body).put(path).then().statusCode(status).extract().jsonPath();
    }
}
