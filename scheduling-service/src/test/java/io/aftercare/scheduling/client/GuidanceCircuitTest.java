package io.aftercare.scheduling.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.aftercare.scheduling.ProductionOutboundAndSilentGuidance;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A guidance that takes connections and never answers (the worst kind of outage: nothing is refused, everything
 * waits). Each plan call gives up at the time limit; after {@value #VOLUME} failures the breaker opens, and a booking is
 * then accepted at once, in state planning, without waiting for guidance at all.
 */
@QuarkusTest
@TestProfile(ProductionOutboundAndSilentGuidance.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class GuidanceCircuitTest {

    static final int VOLUME = ProductionOutboundAndSilentGuidance.VOLUME;
    private static final long TIME_LIMIT_MS = ProductionOutboundAndSilentGuidance.TIME_LIMIT_MS;
    private static final String SILENT_URL = ProductionOutboundAndSilentGuidance.SILENT_URL;

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
}
