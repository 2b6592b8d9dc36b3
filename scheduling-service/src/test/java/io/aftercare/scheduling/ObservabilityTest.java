package io.aftercare.scheduling;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class ObservabilityTest {

    @Test
    void readinessCoversTheDatabaseKafkaAndGuidance() {
        // Ready only once the consumers have joined their groups, which can take a few seconds after start.
        await("readiness").atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Guidance service",
                        "Kafka consumer groups joined"))
                .body("checks.find { it.name == 'Guidance service' }.data.guidance", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theMetricsOfEveryStageAreExposedForPrometheus() throws Exception {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String path = "/v1/clinics/clinic-m/bookings/" + BookingFixtures.uniqueId("metrics");
        Clinics.as("clinic-m").body(BookingFixtures.booking(end.minusMinutes(45), end, "booked")).put(path).then()
                .statusCode(201);
        BookingFixtures.awaitState(path, "leaving", "dispatched");

        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("aftercare_bookings_total{outcome=\"created\"}"))
                .body(containsString("aftercare_reminders_planned_total"))
                .body(containsString("aftercare_reminders_dispatched_total"))
                .body(containsString("aftercare_dispatch_lateness_seconds_bucket"))
                .body(containsString("aftercare_dispatch_batch_size_count"))
                .body(containsString("aftercare_reminders_due_backlog"));
    }
}
