package io.aftercare.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.notification.Deliveries;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.NotificationFixtures;
import io.aftercare.notification.NotificationFixtures.Event;
import io.aftercare.notification.Replies;
import io.aftercare.notification.SchedulingSessionsTestResource;
import io.aftercare.notification.TwilioRequests;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * What the console's inbox asks of this service, with a clinic's API key: one reply, its conversation (the texts of
 * its booking both ways), assigning it, the urgent-first order and what changed since a moment. Another clinic's reply
 * ids are not found (404), whichever of these asks.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SchedulingSessionsTestResource.class, scope = TestResourceScope.GLOBAL)
class InboxConsoleEndpointsTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/v1/webhooks/twilio/inbound")
    String inboundUrl;

    @Inject
    Deliveries deliveries;

    @Inject
    Replies replies;

    @Test
    void theConversationHoldsTheBookingsTextsAndRepliesInOrderForItsClinicOnly() {
        String clinic = newClinic();
        String phone = NotificationFixtures.phone();
        UUID booking = textedBooking(phone, clinic);
        reply(phone, "Is the redness normal?");
        reply(phone, "And now it itches");
        UUID worse = replies.ofBooking(booking).get(1).id;

        String path = "/v1/clinics/" + clinic + "/inbox/" + worse;
        JsonPath conversation = asClinic(clinic).get(path + "/conversation").then().statusCode(200).extract()
                .jsonPath();
        assertThat(conversation.getString("firstName")).isEqualTo("Ana");
        assertThat(conversation.getString("phoneMasked")).startsWith(phone.substring(0, 3)).doesNotContain(
                phone.substring(3, phone.length() - 2));
        assertThat(conversation.getString("reply.id")).isEqualTo(worse.toString());
        assertThat(conversation.getList("messages.direction")).containsExactly("out", "in", "in");
        assertThat(conversation.getList("messages.text")).containsExactly(
                "Hola Ana, evita el sol directo durante 48 horas.", "Is the redness normal?", "And now it itches");
        assertThat(conversation.getString("messages[0].status")).isEqualTo("sent");
        assertThat(conversation.getString("messages[2].replyId")).isEqualTo(worse.toString());
        asClinic(clinic).get(path).then().statusCode(200).body("body", equalTo("And now it itches"))
                .body("firstName", equalTo("Ana"));
        assertThat(asClinic(clinic).get("/v1/clinics/" + clinic + "/inbox").jsonPath().getList("items.firstName"))
                .containsExactly("Ana", "Ana");

        // Another clinic, with its own valid key, guessing this reply's id: not found, and nothing changes.
        String other = newClinic();
        String guessed = "/v1/clinics/" + other + "/inbox/" + worse;
        asClinic(other).get(guessed).then().statusCode(404).contentType("application/problem+json");
        asClinic(other).get(guessed + "/conversation").then().statusCode(404);
        asClinic(other).post(guessed + "/assign").then().statusCode(404);
        // Nor through the first clinic's path.
        asClinic(other).get(path + "/conversation").then().statusCode(403);
        asClinic(clinic).get(path).then().body("assignedTo", equalTo(null));
    }

    @Test
    void assigningNamesTheCallerAndIsSeenAsAChangeWithoutThePatientsWords() {
        String clinic = newClinic();
        String phone = NotificationFixtures.phone();
        UUID booking = textedBooking(phone, clinic);
        Instant before = Instant.now().minusSeconds(1);
        reply(phone, "a question about the cream");
        UUID id = replies.ofBooking(booking).get(0).id;
        String path = "/v1/clinics/" + clinic + "/inbox/" + id;

        asClinic(clinic).post(path + "/assign").then().statusCode(200)
                .body("assignedTo", equalTo(clinic))
                .body("assignedAt", org.hamcrest.Matchers.notNullValue());
        given().auth().preemptive().basic("operator", "operator").post(path + "/assign").then().statusCode(200)
                .body("assignedTo", equalTo("operator"));
        asClinic(clinic).get(path).then().body("assignedTo", equalTo("operator"));

        JsonPath changes = asClinic(clinic).queryParam("since", before.toString())
                .get("/v1/clinics/" + clinic + "/inbox/changes").then().statusCode(200).extract().jsonPath();
        assertThat(changes.getList("items.id")).containsExactly(id.toString());
        assertThat(changes.getString("items[0].assignedTo")).isEqualTo("operator");
        assertThat(changes.getLong("open")).isEqualTo(1);
        assertThat(changes.getLong("urgentOpen")).isZero();
        assertThat(changes.prettify()).doesNotContain("cream").doesNotContain(phone);
        Instant asOf = Instant.parse(changes.getString("asOf"));
        assertThat(asClinic(clinic).queryParam("since", asOf.toString())
                .get("/v1/clinics/" + clinic + "/inbox/changes").jsonPath().getList("items")).isEmpty();
        asClinic(clinic).queryParam("since", "yesterday").get("/v1/clinics/" + clinic + "/inbox/changes").then()
                .statusCode(400).body("errors[0].field", equalTo("since"));
        // Handling it is a change too, and ends its count as open.
        asClinic(clinic).post(path + "/handled").then().statusCode(200);
        JsonPath after = asClinic(clinic).queryParam("since", asOf.minusMillis(1).toString())
                .get("/v1/clinics/" + clinic + "/inbox/changes").jsonPath();
        assertThat(after.getList("items.state")).containsExactly("handled");
        assertThat(after.getLong("open")).isZero();
    }

    @Test
    void readingAConversationIsAuditedAndPollingForChangesIsNot() {
        String clinic = newClinic();
        String phone = NotificationFixtures.phone();
        UUID booking = textedBooking(phone, clinic);
        reply(phone, "a question");
        UUID id = replies.ofBooking(booking).get(0).id;

        asClinic(clinic).get("/v1/clinics/" + clinic + "/inbox/changes").then().statusCode(200);
        asClinic(clinic).get("/v1/clinics/" + clinic + "/inbox/" + id + "/conversation").then().statusCode(200);

        List<String> resources = asClinic(clinic).get("/v1/clinics/" + clinic + "/audit").then().statusCode(200)
                .extract().jsonPath().getList("items.resource");
        assertThat(resources).contains("/v1/clinics/" + clinic + "/inbox/" + id + "/conversation")
                .doesNotContain("/v1/clinics/" + clinic + "/inbox/changes");
    }

    @Test
    void urgentRepliesComeFirstThenTheNewestAcrossPages() {
        String clinic = newClinic();
        String phone = NotificationFixtures.phone();
        textedBooking(phone, clinic);
        reply(phone, "first question");
        reply(phone, "I have a fever");
        reply(phone, "third question");
        reply(phone, "fourth question");

        String inbox = "/v1/clinics/" + clinic + "/inbox";
        JsonPath first = asClinic(clinic).queryParam("order", "urgent").queryParam("limit", 2).get(inbox).jsonPath();
        assertThat(first.getList("items.body")).containsExactly("I have a fever", "fourth question");
        JsonPath second = asClinic(clinic).queryParam("order", "urgent").queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get(inbox).jsonPath();
        assertThat(second.getList("items.body")).containsExactly("third question", "first question");
        assertThat(second.getString("nextCursor")).isNull();
        asClinic(clinic).queryParam("order", "oldest").get(inbox).then().statusCode(400);
        // Newest first stays the default.
        assertThat(asClinic(clinic).get(inbox).jsonPath().getList("items.body")).first()
                .isEqualTo("fourth question");
    }

    private static String newClinic() {
        return "inbox-c-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification asClinic(String clinic) {
        return given().auth().preemptive().basic(clinic, SchedulingSessionsTestResource.apiKey(clinic))
                .contentType(ContentType.JSON);
    }

    private UUID textedBooking(String phone, String clinic) {
        UUID booking = UUID.randomUUID();
        Event event = NotificationFixtures.forBooking(phone, clinic, booking, "sun", "en");
        NotificationFixtures.publish(bootstrapServers, event);
        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> deliveries.settled(event.reminderId().toString()), Objects::nonNull).status)
                .isEqualTo(DeliveryStatus.SENT);
        return booking;
    }

    private void reply(String from, String body) {
        TwilioRequests.postSigned(inboundUrl, TwilioRequests.inbound(from, body)).then().statusCode(200);
    }

}
