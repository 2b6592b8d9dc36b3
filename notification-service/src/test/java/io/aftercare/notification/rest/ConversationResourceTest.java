package io.aftercare.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.localstack.testing.TestPersonTokens;
import io.aftercare.notification.Deliveries;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.NotificationFixtures;
import io.aftercare.notification.NotificationFixtures.Event;
import io.aftercare.notification.SchedulingSessionsTestResource;
import io.aftercare.notification.TwilioRequests;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** One booking's replies and opt-outs, as the console's timeline reads them, after real texts and real replies. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SchedulingSessionsTestResource.class, scope = TestResourceScope.GLOBAL)
class ConversationResourceTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/v1/webhooks/twilio/inbound")
    String inboundUrl;

    @Inject
    Deliveries deliveries;

    private final String clinic = "conv-a-" + UUID.randomUUID().toString().substring(0, 6);
    private final String other = "conv-b-" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void theBookingsRepliesCheckInAndStopAreItsConversationAndNoOtherClinicsOrBookings() {
        String phone = NotificationFixtures.phone();
        UUID booking = textedBooking(phone, clinic, "check-in");
        UUID quiet = textedBooking(NotificationFixtures.phone(), clinic, "sun");

        reply(phone, "4 muy roja");
        reply(phone, "STOP");

        JsonPath conversation = as(clinic).queryParam("bookingId", booking.toString())
                .get("/v1/clinics/" + clinic + "/conversations").then().statusCode(200).extract().jsonPath();
        assertThat(conversation.getList("replies.body")).containsExactly("4 muy roja");
        assertThat(conversation.getInt("replies[0].checkInScore")).isEqualTo(4);
        assertThat(conversation.getBoolean("replies[0].urgent")).isTrue();
        assertThat(conversation.getString("replies[0].state")).isEqualTo("open");
        assertThat(conversation.getList("optOuts.keyword")).containsExactly("STOP");
        assertThat(conversation.getString("optOuts[0].channel")).isEqualTo("sms");
        assertThat(conversation.getString("optOuts[0].since")).isNotBlank();

        JsonPath silent = as(clinic).queryParam("bookingId", quiet.toString())
                .get("/v1/clinics/" + clinic + "/conversations").then().statusCode(200).extract().jsonPath();
        assertThat(silent.getList("replies")).isEmpty();
        assertThat(silent.getList("optOuts")).isEmpty();

        // Another clinic: refused on this clinic's path, and this booking's id on its own path is not found, as an
        // id that is no booking at all: the same problem, but for the id it names.
        as(other).queryParam("bookingId", booking.toString()).get("/v1/clinics/" + clinic + "/conversations")
                .then().statusCode(403);
        UUID unknown = UUID.randomUUID();
        String theirs = notFound(other, booking).replace(booking.toString(), "{id}");
        assertThat(theirs).isEqualTo(notFound(other, unknown).replace(unknown.toString(), "{id}"))
                .doesNotContain("muy roja", "STOP", phone);

        // A person of the clinic, through the console, with their token: the same conversation; another clinic's: 403.
        TestPersonTokens nurse = TestPersonTokens.of(UUID.randomUUID().toString(), clinic, "staff");
        given().header("Authorization", nurse.bearer()).queryParam("bookingId", booking.toString())
                .get("/v1/clinics/" + clinic + "/conversations").then().statusCode(200)
                .body("replies[0].body", equalTo("4 muy roja")).body("optOuts[0].keyword", equalTo("STOP"));
        given().header("Authorization", nurse.bearer()).queryParam("bookingId", booking.toString())
                .get("/v1/clinics/" + other + "/conversations").then().statusCode(403);
    }

    @Test
    void aMissingOrMalformedBookingIdIsRefusedByName() {
        for (String bad : new String[]{null, "", "not-a-uuid"}) {
            RequestSpecification request = as(clinic);
            if (bad != null) {
                request.queryParam("bookingId", bad);
            }
            request.get("/v1/clinics/" + clinic + "/conversations").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("bookingId"));
        }
    }

    /** The 404 problem body of a booking the clinic does not have. */
    private static String notFound(String clinicId, UUID booking) {
        return as(clinicId).queryParam("bookingId", booking.toString())
                .get("/v1/clinics/" + clinicId + "/conversations").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).extract().asString();
    }

    private UUID textedBooking(String phone, String clinicId, String category) {
        UUID booking = UUID.randomUUID();
        Event event = NotificationFixtures.forBooking(phone, clinicId, booking, category, "es");
        NotificationFixtures.publish(bootstrapServers, event);
        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> deliveries.settled(event.reminderId().toString()), Objects::nonNull).status)
                .isEqualTo(DeliveryStatus.SENT);
        return booking;
    }

    private void reply(String from, String body) {
        TwilioRequests.postSigned(inboundUrl, TwilioRequests.inbound(from, body)).then().statusCode(200);
    }

    private static RequestSpecification as(String clinicId) {
        return given().auth().preemptive().basic(clinicId, SchedulingSessionsTestResource.apiKey(clinicId));
    }
}
