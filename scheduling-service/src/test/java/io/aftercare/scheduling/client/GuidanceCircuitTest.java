package io.aftercare.scheduling.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A guidance that takes connections and never answers (the worst kind of outage: nothing is refused, everything
 * waits). Each plan call gives up at the time limit; after {@value #VOLUME} failures the breaker opens, and a booking is
 * then accepted at once, in state planning, without waiting for guidance at all.
 */
@QuarkusTest
@TestProfile(GuidanceCircuitTest.SilentGuidance.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class GuidanceCircuitTest {

    static final int VOLUME = 4;
    private static final long TIME_LIMIT_MS = 400;
    private static final String BREAKER = "quarkus.fault-tolerance.\"io.aftercare.scheduling.client.GuidanceCircuit/plan\".";

    /** Accepts connections into its backlog and never reads them: every request waits for an answer. */
    private static final ServerSocket SILENT = silentServer();
    private static final String SILENT_URL = "http://127.0.0.1:";

    public static class SilentGuidance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.guidance.url", SILENT_URL + SILENT.getLocalPort(),
                    BREAKER + "timeout.value", String.valueOf(TIME_LIMIT_MS),
                    BREAKER + "circuit-breaker.request-volume-threshold", String.valueOf(VOLUME),
                    BREAKER + "circuit-breaker.failure-ratio", "1.0",
                    BREAKER + "circuit-breaker.delay", "60000");
        }
    }

    @Test
    void afterRepeatedTimeoutsTheBreakerOpensAndABookingIsAcceptedAtOnceInStatePlanning() {
        // The profile's silent server, not the real guidance the other tests share (the profile is loaded by another
        // class loader, so its server is another instance of the same kind).
        assertThat(ConfigProvider.getConfig().getValue("quarkus.rest-client.guidance.url", String.class))
                .startsWith(SILENT_URL);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
        String body = BookingFixtures.booking(start, start.plusMinutes(45), "booked");

        for (int i = 0; i < VOLUME; i++) {
            long started = System.nanoTime();
            JsonPath waited = put(body);
            assertThat(waited.getString("planState")).isEqualTo("planning");
            assertThat((System.nanoTime() - started) / 1_000_000).as("a call waits out the time limit")
                    .isGreaterThanOrEqualTo(TIME_LIMIT_MS);
        }

        long started = System.nanoTime();
        JsonPath open = put(body);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(open.getString("planState")).isEqualTo("planning");
        assertThat(open.getString("planError")).contains("CircuitBreakerOpenException");
        assertThat(millis).as("answered without waiting for guidance").isLessThan(TIME_LIMIT_MS);
    }

    private static JsonPath put(String body) {
        return Clinics.as("clinic-a").contentType(ContentType.JSON).body(body)
                .put("/v1/clinics/clinic-a/bookings/" + BookingFixtures.uniqueId("breaker")).then().statusCode(201)
                .extract().jsonPath();
    }

    private static ServerSocket silentServer() {
        try {
            return new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
