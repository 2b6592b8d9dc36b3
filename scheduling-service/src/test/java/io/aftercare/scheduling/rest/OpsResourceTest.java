package io.aftercare.scheduling.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

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
class OpsResourceTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theOverviewIsForTheOperatorOnly() {
        Clinics.operator().get("/v1/ops/overview?hours=24").then().statusCode(200);
        Clinics.as("clinic-o").get("/v1/ops/overview").then().statusCode(403);
        io.restassured.RestAssured.given().get("/v1/ops/overview").then().statusCode(401);
        io.restassured.RestAssured.given().get("/ops/").then().statusCode(401);
        Clinics.operator().get("/ops/").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("html"));
    }

    @Test
    void thePageMayNotBeFramedNorRunScriptsOfOtherOrigins() {
        for (String page : java.util.List.of("/ops/", "/ops/ops.js", "/v1/ops/overview")) {
            Clinics.operator().get(page).then().statusCode(200)
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.containsString("script-src 'self'"),
                            org.hamcrest.Matchers.containsString("frame-ancestors 'none'")));
        }
        // Inline script or style would be blocked by that policy: the page has none.
        assertThat(Clinics.operator().get("/ops/").asString()).doesNotContain("<script>").doesNotContain("<style");
    }

    @Test
    void theAdminEndpointsRefuseRequestsFromAnotherSite() {
        String credentials = "/v1/admin/clinics/clinic-x-" + UUID.randomUUID().toString().substring(0, 8)
                + "/credentials";
        Clinics.operator().header("Sec-Fetch-Site", "cross-site").post(credentials)
                .then().statusCode(403).contentType("application/problem+json");
        Clinics.operator().get(credentials).then().statusCode(200).body("", org.hamcrest.Matchers.empty());
        Clinics.operator().header("Sec-Fetch-Site", "same-origin").post(credentials).then().statusCode(201);
    }

    @Test
    void theFunnelOfOneClinicCountsThatClinicOnly() {
        String clinic = "clinic-f-" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
        int planned = Clinics.as(clinic).body(BookingFixtures.booking(start, start.plusMinutes(45), "booked"))
                .put("/v1/clinics/" + clinic + "/bookings/" + BookingFixtures.uniqueId("funnel")).then()
                .statusCode(201).extract().jsonPath().getList("reminders").size();

        JsonPath own = Clinics.operator().get("/v1/ops/overview?hours=1&clinicId=" + clinic).jsonPath();
        assertThat(own.getLong("funnel.booked")).isEqualTo(1);
        assertThat(own.getLong("funnel.planned")).isEqualTo(planned).isPositive();
        assertThat(own.getLong("funnel.dispatched")).isZero();
        assertThat(own.getList("upcoming")).hasSize(48);

        JsonPath all = Clinics.operator().get("/v1/ops/overview?hours=1").jsonPath();
        assertThat(all.getLong("funnel.booked")).isGreaterThanOrEqualTo(1);
        assertThat(all.getLong("funnel.planned")).isGreaterThanOrEqualTo(planned);
        assertThat(Clinics.operator().get("/v1/ops/overview?hours=1&clinicId=nobody-here").jsonPath()
                .getLong("funnel.planned")).isZero();
    }

    @Test
    void aFailedReminderShowsAmongTheFailuresAndGoesOutAgainAsANewEvent() {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String path = "/v1/clinics/clinic-o/bookings/" + BookingFixtures.uniqueId("resend");
        JsonPath booking = Clinics.as("clinic-o").body(BookingFixtures.booking(end.minusMinutes(45), end, "booked"))
                .put(path).then().statusCode(201).extract().jsonPath();
        String reminderId = BookingFixtures.awaitState(path, "leaving", "dispatched");

        reportFailed(reminderId, booking.getString("id"));
        // The funnel and the failures are separate queries: the report may land between them, so wait for both.
        JsonPath overview = await().atMost(BOUND).pollInSameThread().until(() -> {
            JsonPath seen = Clinics.operator().get("/v1/ops/overview?clinicId=clinic-o").jsonPath();
            return seen.getString("failures.find { it.reminderId == '" + reminderId + "' }.status") != null
                    && seen.getInt("funnel.failed") > 0 ? seen : null;
        }, Objects::nonNull);
        assertThat(overview.getString("failures.find { it.reminderId == '" + reminderId + "' }.reason"))
                .isEqualTo("provider error 30003");
        assertThat(overview.getBoolean("failures.find { it.reminderId == '" + reminderId + "' }.canResend")).isTrue();
        assertThat(overview.getInt("funnel.failed")).isPositive();

        String resend = "/v1/ops/reminders/" + reminderId + "/resend";
        // What a cross-site form could send (the browser adds the operator's Basic login by itself) changes nothing.
        Clinics.operator().post(resend).then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("X-Aftercare-Csrf"));
        Clinics.operator().header("X-Aftercare-Csrf", "1").header("Sec-Fetch-Site", "cross-site").post(resend)
                .then().statusCode(403).contentType("application/problem+json");
        Clinics.operator().header("X-Aftercare-Csrf", "1").header("Sec-Fetch-Site", "same-site").post(resend)
                .then().statusCode(403);
        assertThat(Clinics.operator().get("/v1/ops/overview?clinicId=clinic-o").jsonPath()
                .getBoolean("failures.find { it.reminderId == '" + reminderId + "' }.canResend")).isTrue();

        Clinics.operator().header("X-Aftercare-Csrf", "1").header("Sec-Fetch-Site", "same-origin").post(resend)
                .then().statusCode(202);

        try (TopicReader topic = new TopicReader(bootstrapServers, "reminders-due")) {
            assertThat(topic.read(r -> (reminderId + ":1").equals(header(r, "ce_id")), 1, BOUND)).hasSize(1);
        }
        Clinics.operator().header("X-Aftercare-Csrf", "1").post("/v1/ops/reminders/" + UUID.randomUUID() + "/resend")
                .then().statusCode(404);
    }

    private void reportFailed(String reminderId, String bookingId) {
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("notification-status", bookingId, reminderId + ":failed", "io.aftercare.notification.status.v1",
                    """
                            {"reminderId": "%s", "clinicId": "clinic-o", "bookingId": "%s", "status": "failed",
                             "channel": "sms", "reason": "provider error 30003", "at": "%s"}
                            """.formatted(reminderId, bookingId, Instant.now()));
        }
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record,
            String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
