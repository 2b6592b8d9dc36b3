package io.aftercare.scheduling.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A booking's lock is never held across a call to guidance. The lock is taken here first, from a connection of our own
 * to the real PostgreSQL, and held while a PUT of that booking runs: by the time the PUT waits for the lock, guidance
 * must already have computed its plan (the call comes before the lock), and it must not be asked again once the lock
 * is free. A treatment only this test uses makes guidance's plan counter count this PUT and nothing else.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class BookingLockTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.rest-client.guidance.url")
    String guidanceUrl;

    @Test
    void guidanceIsAskedBeforeTheBookingsLockAndNotWhileItIsHeld() throws Exception {
        String treatment = publishProbeTreatment();
        String externalId = BookingFixtures.uniqueId("locked");
        String path = "/v1/clinics/clinic-a/bookings/" + externalId;
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
        String body = BookingFixtures.booking(start, start.plusMinutes(45), "booked")
                .replace("\"microneedling\"", "\"" + treatment + "\"");
        Clinics.as("clinic-a");
        long before = plansComputed(treatment);

        CompletableFuture<Response> put;
        try (Connection lockHolder = dataSource.getConnection()) {
            lockHolder.setAutoCommit(true);
            advisory(lockHolder, "pg_advisory_lock", "clinic-a/" + externalId);
            put = CompletableFuture.supplyAsync(() -> Clinics.as("clinic-a").contentType(ContentType.JSON)
                    .body(body).put(path).andReturn());

            await("the PUT waiting for the booking's lock").atMost(BOUND).pollInSameThread()
                    .until(() -> waitingForLock(lockHolder, "clinic-a/" + externalId));
            assertThat(put).isNotDone();
            assertThat(plansComputed(treatment)).as("plans computed for the booking before its lock was free")
                    .isEqualTo(before + 1);

            advisory(lockHolder, "pg_advisory_unlock", "clinic-a/" + externalId);
        }

        Response answer = put.get();
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.jsonPath().getString("planState")).isEqualTo("planned");
        assertThat(answer.jsonPath().getList("reminders")).isNotEmpty();
        assertThat(plansComputed(treatment)).as("plans computed once the lock was free").isEqualTo(before + 1);
    }

    private static void advisory(Connection connection, String function, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + function + "(hashtextextended(?, 0))")) {
            statement.setString(1, key);
            statement.executeQuery().close();
        }
    }

    /** Whether another session waits for the advisory lock (a bigint key shows as classid: high half, objid: low). */
    private static boolean waitingForLock(Connection connection, String key) {
        try (PreparedStatement statement = connection.prepareStatement("""
                WITH k AS (SELECT hashtextextended(?, 0) AS v)
                SELECT count(*) FROM pg_locks, k
                WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1
                  AND classid = ((k.v >> 32) & 4294967295)::oid AND objid = (k.v & 4294967295)::oid
                """)) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** guidance's own count of the plans it computed for the treatment (its Prometheus counter). */
    private long plansComputed(String treatment) {
        String metrics = given().baseUri(guidanceUrl).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("aftercare_plans_computed_total{")
                        && line.contains("treatment=\"" + treatment + "\""))
                // name{labels} value [timestamp]
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim()
                        .split(" ")[0]))
                .sum();
    }

    /** A copy of the microneedling protocol under a treatment name of its own, published through guidance's admin API. */
    private String publishProbeTreatment() {
        String treatment = "lock-probe-" + UUID.randomUUID().toString().substring(0, 8);
        int version = given().baseUri(guidanceUrl).get("/v1/protocols/microneedling").then().statusCode(200)
                .extract().path("version");
        Map<String, Object> content = given().baseUri(guidanceUrl)
                .get("/v1/protocols/microneedling/versions/" + version).then().statusCode(200).extract().jsonPath()
                .getMap("content");
        given().baseUri(guidanceUrl).auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body(content).put("/v1/admin/protocols/" + treatment + "/draft").then().statusCode(200);
        given().baseUri(guidanceUrl).auth().preemptive().basic("admin", "admin")
                .post("/v1/admin/protocols/" + treatment + "/publish").then().statusCode(201);
        return treatment;
    }
}
