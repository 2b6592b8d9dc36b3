package io.aftercare.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.InfrastructurePorts;
import io.aftercare.localstack.LocalAftercare;
import io.restassured.http.ContentType;

/**
 * The three packaged services, each in its own JVM, against real PostgreSQL and Kafka: a booking whose first reminder
 * is due at once must come out of the console SMS provider.
 */
class ReminderPipelineIT {

    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(30);

    private static LocalAftercare aftercare;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path repository = Path.of(System.getProperty("aftercare.repo", "..")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("system-test-");
        Path logs = Path.of(System.getProperty("aftercare.logs", home.resolve("logs").toString()));
        Path cache = Path.of(System.getProperty("aftercare.cache", home.resolve("cache").toString()));
        aftercare = LocalAftercare.start(new LocalAftercare.Layout(repository, home.resolve("data"), cache, logs),
                InfrastructurePorts.random(), LocalAftercare.randomPorts(), System.out::println);
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (aftercare != null) {
            aftercare.close();
        }
    }

    @Test
    void aBookingDueNowComesOutOfTheConsoleSmsProvider() throws Exception {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String booking = """
                {
                  "patient": {"firstName": "Lena", "phone": "+4915112345678", "email": "lena@example.com",
                              "locale": "de", "timeZone": "Europe/Berlin", "preferredChannel": "sms",
                              "consent": {"sms": true, "email": true}},
                  "treatment": {"type": "microneedling", "startsAt": "%s", "endsAt": "%s"},
                  "status": "booked"
                }
                """.formatted(end.minusMinutes(45), end);
        String reminderId = given().baseUri(url(AftercareService.SCHEDULING))
                .contentType(ContentType.JSON)
                .body(booking)
                .put("/v1/clinics/system-clinic/bookings/system-1")
                .then()
                .statusCode(201)
                .extract()
                .path("reminders[0].id");

        Map<String, Object> message = awaitConsoleMessage(reminderId);

        assertThat(message.get("to")).isEqualTo("+49*********78");
        assertThat((String) message.get("body")).startsWith("Hi Lena,").contains("Reply STOP");
        for (AftercareService service : AftercareService.values()) {
            given().baseUri(url(service)).get("/q/health").then().statusCode(200);
        }
    }

    private static Map<String, Object> awaitConsoleMessage(String reference) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> messages = given().baseUri(url(AftercareService.NOTIFICATION))
                    .get("/v1/console/messages?limit=50")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("findAll { it.reference == '" + reference + "' }");
            if (!messages.isEmpty()) {
                assertThat(messages).hasSize(1);
                return messages.get(0);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the console provider recorded no message for reminder " + reference + " within "
                + DELIVERY_BOUND + "; service logs are in "
                + aftercare.service(AftercareService.NOTIFICATION).logFile());
    }

    private static String url(AftercareService service) {
        return aftercare.service(service).baseUrl();
    }
}
