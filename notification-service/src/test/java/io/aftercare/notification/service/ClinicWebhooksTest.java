package io.aftercare.notification.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.FakeTwilioClient;
import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.notification.ClinicProfiles;
import io.aftercare.notification.Deliveries;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.NotificationFixtures;
import io.aftercare.notification.NotificationFixtures.Event;
import io.aftercare.notification.SchedulingSessionsTestResource;
import io.aftercare.notification.StoredWebhookMessages;
import io.aftercare.notification.TwilioRequests;
import io.aftercare.notification.client.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Webhooks to a clinic's system, end to end: the profile arrives on Kafka with the endpoint, something happens for
 * real (the provider refuses a text, a patient replies or texts STOP), and a receiver standing in for the clinic's
 * system checks each request with its own verifier. Tests run the short retry schedule of the test profile (0s, 1s,
 * 1s).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SchedulingSessionsTestResource.class, scope = TestResourceScope.GLOBAL)
class ClinicWebhooksTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static WebhookReceiver receiver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "aftercare.twilio.base-url")
    String twilioUrl;

    @TestHTTPResource("/v1/webhooks/twilio/inbound")
    String inboundUrl;

    @TestHTTPResource("/v1/webhooks/twilio/status")
    String statusUrl;

    @Inject
    ClinicProfiles profiles;

    @Inject
    Deliveries deliveries;

    @Inject
    StoredWebhookMessages stored;

    @Inject
    RecordRetention retention;

    @BeforeAll
    static void startTheClinicsSystem() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopTheClinicsSystem() {
        receiver.close();
    }

    @Test
    void aFailedDeliveryReachesTheClinicSignedAndItsRetryKeepsTheWebhookId() {
        String clinic = "hooks-failed-" + System.nanoTime();
        String path = "/" + clinic;
        receiver.answer(path, 500);
        subscribe(clinic, path, "\"delivery.failed\"");
        String phone = NotificationFixtures.phone();
        fake().failNext(phone, 400, 21211, Map.of());
        UUID booking = UUID.randomUUID();
        Event event = NotificationFixtures.forBooking(phone, clinic, booking, "sun", "es");

        NotificationFixtures.publish(bootstrapServers, event);

        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> deliveries.settled(event.reminderId().toString()), Objects::nonNull).status)
                .isEqualTo(DeliveryStatus.FAILED);
        List<WebhookReceiver.Received> calls = await().atMost(BOUND).pollInSameThread().until(() -> {
            List<WebhookReceiver.Received> all = receiver.receivedAt(path);
            return all.size() >= 2 ? all : null;
        }, Objects::nonNull);
        assertThat(calls).hasSize(2);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.id()).startsWith("msg_").isEqualTo(calls.get(0).id());
            assertThat(call.contentType()).startsWith("application/json");
            assertThat(WebhookReceiver.verifies(ClinicProfiles.SECRET, call.id(), call.timestamp(), call.body(),
                    call.signature())).as("signature of %s", call).isTrue();
            assertThat(call.body()).isEqualTo(calls.get(0).body()).doesNotContain(phone, phone.substring(3));
        });
        JsonPath body = new JsonPath(calls.get(0).body());
        assertThat(body.getString("type")).isEqualTo("delivery.failed");
        assertThat(Instant.parse(body.getString("timestamp"))).isNotNull();
        assertThat(body.getString("data.reminderId")).isEqualTo(event.reminderId().toString());
        assertThat(body.getString("data.bookingId")).isEqualTo(booking.toString());
        assertThat(body.getString("data.bookingRef")).isEqualTo("ext-1");
        assertThat(body.getString("data.channel")).isEqualTo("sms");
        assertThat(body.getString("data.status")).isEqualTo("failed");
        assertThat(body.getString("data.reason")).contains("21211");

        // The clinic sees both attempts of the one message.
        JsonPath page = await().atMost(BOUND).pollInSameThread().until(() -> {
            JsonPath list = asClinic(clinic).get(messagesOf(clinic)).then().statusCode(200).extract().jsonPath();
            return "delivered".equals(list.getString("items[0].state")) ? list : null;
        }, Objects::nonNull);
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getString("items[0].id")).isEqualTo(calls.get(0).id());
        assertThat(page.getString("items[0].type")).isEqualTo("delivery.failed");
        assertThat(page.getString("items[0].url")).isEqualTo(receiver.url(path));
        assertThat(page.getList("items[0].attempts.statusCode")).containsExactly(500, 204);
        assertThat(page.getString("items[0].nextAttemptAt")).isNull();
        assertThat(page.prettify()).doesNotContain("whsec_", "secret");
    }

    /** The provider's report that a sent text could not reach the phone is a failed delivery too. */
    @Test
    void aTextReportedUndeliveredReachesTheClinic() {
        String clinic = "hooks-undelivered-" + System.nanoTime();
        String path = "/" + clinic;
        subscribe(clinic, path, "\"delivery.failed\"");
        String phone = NotificationFixtures.phone();
        UUID booking = UUID.randomUUID();
        Event event = NotificationFixtures.forBooking(phone, clinic, booking, "sun", "es");
        NotificationFixtures.publish(bootstrapServers, event);
        String sid = await().atMost(BOUND).pollInSameThread()
                .until(() -> deliveries.settled(event.reminderId().toString()), Objects::nonNull).providerMessageId;

        TwilioRequests.postSigned(statusUrl, TwilioRequests.status(sid, "undelivered", "30003")).then()
                .statusCode(204);

        WebhookReceiver.Received call = await().atMost(BOUND).pollInSameThread()
                .until(() -> receiver.receivedAt(path).stream().findFirst().orElse(null), Objects::nonNull);
        JsonPath body = new JsonPath(call.body());
        assertThat(body.getString("type")).isEqualTo("delivery.failed");
        assertThat(body.getString("data.status")).isEqualTo("undelivered");
        assertThat(body.getString("data.reason")).isEqualTo("provider error 30003");
        assertThat(body.getString("data.bookingId")).isEqualTo(booking.toString());
    }

    @Test
    void repliesUrgentRepliesAndOptOutsReachTheClinicWithoutThePatientsNumber() {
        String clinic = "hooks-replies-" + System.nanoTime();
        String path = "/" + clinic;
        subscribe(clinic, path, "\"patient.replied\", \"reply.urgent\", \"patient.opted-out\"");
        String phone = NotificationFixtures.phone();
        UUID booking = textedBooking(phone, clinic);

        reply(phone, "Tengo fiebre desde anoche");
        reply(phone, "STOP");

        List<WebhookReceiver.Received> calls = await().atMost(BOUND).pollInSameThread().until(() -> {
            List<WebhookReceiver.Received> all = receiver.receivedAt(path);
            return all.size() >= 3 ? all : null;
        }, Objects::nonNull);
        assertThat(calls).extracting(call -> new JsonPath(call.body()).getString("type"))
                .containsExactlyInAnyOrder("patient.replied", "reply.urgent", "patient.opted-out");
        assertThat(calls).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
        assertThat(calls).allSatisfy(call -> {
            assertThat(WebhookReceiver.verifies(ClinicProfiles.SECRET, call.id(), call.timestamp(), call.body(),
                    call.signature())).isTrue();
            assertThat(call.body()).doesNotContain(phone, phone.substring(3));
        });
        JsonPath urgent = body(calls, "reply.urgent");
        assertThat(urgent.getString("data.text")).isEqualTo("Tengo fiebre desde anoche");
        assertThat(urgent.getBoolean("data.urgent")).isTrue();
        assertThat(urgent.getString("data.urgentReason")).isEqualTo("red flags: fiebre");
        assertThat(urgent.getString("data.bookingId")).isEqualTo(booking.toString());
        assertThat(urgent.getString("data.replyId")).isEqualTo(body(calls, "patient.replied").getString(
                "data.replyId"));
        JsonPath optedOut = body(calls, "patient.opted-out");
        assertThat(optedOut.getString("data.keyword")).isEqualTo("STOP");
        assertThat(optedOut.getString("data.phone")).isEqualTo(phone.substring(0, 3) + "*******"
                + phone.substring(phone.length() - 2));
        assertThat(optedOut.getList("data.bookings.bookingId")).containsExactly(booking.toString());

        // Pages of the list, newest first, as the inbox pages.
        await().atMost(BOUND).pollInSameThread().until(() -> asClinic(clinic).get(messagesOf(clinic)).jsonPath()
                .getList("items.state").stream().allMatch("delivered"::equals));
        JsonPath first = asClinic(clinic).queryParam("limit", 2).get(messagesOf(clinic)).jsonPath();
        assertThat(first.getList("items")).hasSize(2);
        JsonPath second = asClinic(clinic).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get(messagesOf(clinic)).jsonPath();
        assertThat(second.getList("items")).hasSize(1);
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(List.of(first.getString("items[0].id"), first.getString("items[1].id"),
                second.getString("items[0].id"))).containsExactlyInAnyOrderElementsOf(
                        calls.stream().map(WebhookReceiver.Received::id).toList());
    }

    @Test
    void aMessageNeverAcceptedFailsWhenTheScheduleRunsOutAndIsPrunedLater() throws InterruptedException {
        String clinic = "hooks-down-" + System.nanoTime();
        String path = "/" + clinic;
        receiver.answer(path, 503, 503, 503);
        subscribe(clinic, path, "\"delivery.failed\"");
        String phone = NotificationFixtures.phone();
        fake().failNext(phone, 400, 21211, Map.of());

        NotificationFixtures.publish(bootstrapServers,
                NotificationFixtures.forBooking(phone, clinic, UUID.randomUUID(), "sun", "es"));

        JsonPath page = await().atMost(BOUND).pollInSameThread().until(() -> {
            JsonPath list = operator().get(messagesOf(clinic)).then().statusCode(200).extract().jsonPath();
            return "failed".equals(list.getString("items[0].state")) ? list : null;
        }, Objects::nonNull);
        assertThat(page.getList("items[0].attempts.statusCode")).containsExactly(503, 503, 503);
        assertThat(receiver.receivedAt(path)).hasSize(3);
        Thread.sleep(1500); // room for a fourth attempt, if there were one
        assertThat(receiver.receivedAt(path)).hasSize(3);

        String id = page.getString("items[0].id");
        stored.lastChangedAt(id, Instant.now().minus(31, ChronoUnit.DAYS));
        assertThat(retention.pruneNow().webhookMessages()).isPositive();
        assertThat(stored.exists(id)).isFalse();
    }

    @Test
    void aClinicReadsOnlyItsOwnMessagesAndOnlySignedIn() {
        String clinic = "hooks-auth-" + System.nanoTime();
        String other = "hooks-other-" + System.nanoTime();

        asClinic(clinic).get(messagesOf(clinic)).then().statusCode(200).body("items.size()", equalTo(0));
        asClinic(other).get(messagesOf(clinic)).then().statusCode(403).contentType("application/problem+json");
        given().get(messagesOf(clinic)).then().statusCode(401);
        given().auth().preemptive().basic(clinic, "not-its-key").get(messagesOf(clinic)).then().statusCode(401);
        operator().get(messagesOf(clinic)).then().statusCode(200);
        operator().queryParam("cursor", "not-a-cursor").get(messagesOf(clinic)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        operator().queryParam("limit", 0).get(messagesOf(clinic)).then().statusCode(400);
    }

    /** The admin's test: one signed message to the one endpoint asked for, whatever it subscribed to, in the log. */
    @Test
    void aTestEventReachesTheOneEndpointSignedAndShowsInTheLog() {
        String clinic = "hooks-test-" + System.nanoTime();
        String path = "/" + clinic;
        subscribe(clinic, path, "\"delivery.failed\"");
        String test = "/v1/clinics/" + clinic + "/webhook-endpoints/ep-1/test";

        String messageId = asClinic(clinic).post(test).then().statusCode(202).extract().path("messageId");

        WebhookReceiver.Received call = await().atMost(BOUND).pollInSameThread()
                .until(() -> receiver.receivedAt(path).stream().findFirst().orElse(null), Objects::nonNull);
        assertThat(call.id()).isEqualTo(messageId);
        assertThat(WebhookReceiver.verifies(ClinicProfiles.SECRET, call.id(), call.timestamp(), call.body(),
                call.signature())).isTrue();
        JsonPath body = new JsonPath(call.body());
        assertThat(body.getString("type")).isEqualTo("webhook.test");
        assertThat(body.getString("data.endpointId")).isEqualTo("ep-1");
        JsonPath log = await().atMost(BOUND).pollInSameThread().until(() -> {
            JsonPath list = asClinic(clinic).get(messagesOf(clinic)).then().statusCode(200).extract().jsonPath();
            return "delivered".equals(list.getString("items[0].state")) ? list : null;
        }, Objects::nonNull);
        assertThat(log.getString("items[0].id")).isEqualTo(messageId);
        assertThat(log.getString("items[0].type")).isEqualTo("webhook.test");

        // Another clinic may not, an unknown endpoint is not found, and nobody signed in is nobody.
        String other = "hooks-test-other-" + System.nanoTime();
        asClinic(other).post(test).then().statusCode(403).contentType("application/problem+json");
        asClinic(clinic).post("/v1/clinics/" + clinic + "/webhook-endpoints/ep-9/test").then().statusCode(404)
                .contentType("application/problem+json");
        given().post(test).then().statusCode(401);
        assertThat(receiver.receivedAt(path)).hasSize(1);
    }

    /** Publishes the clinic's profile with one endpoint at the receiver's path, and waits until it is kept. */
    private void subscribe(String clinic, String path, String events) {
        ClinicProfiles.publish(bootstrapServers, clinic, 1,
                ClinicProfiles.profile(clinic, 1, "Clinica " + clinic, receiver.url(path), events));
        await().atMost(BOUND).pollInSameThread().until(() -> profiles.stored(clinic).orElse(null), Objects::nonNull);
    }

    private UUID textedBooking(String phone, String clinic) {
        UUID booking = UUID.randomUUID();
        Event event = NotificationFixtures.forBooking(phone, clinic, booking, "sun", "es");
        NotificationFixtures.publish(bootstrapServers, event);
        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> deliveries.settled(event.reminderId().toString()), Objects::nonNull).status)
                .isEqualTo(DeliveryStatus.SENT);
        return booking;
    }

    /** To the clinic's own number, which texted the patient. */
    private void reply(String from, String text) {
        TwilioRequests.postSigned(inboundUrl, TwilioRequests.inbound(from, ClinicProfiles.SMS_SENDER, null, text))
                .then().statusCode(200);
    }

    private static JsonPath body(List<WebhookReceiver.Received> calls, String type) {
        return calls.stream()
                .map(call -> new JsonPath(call.body()))
                .filter(json -> type.equals(json.getString("type")))
                .findFirst()
                .orElseThrow();
    }

    private static String messagesOf(String clinic) {
        return "/v1/clinics/" + clinic + "/webhook-messages";
    }

    private static RequestSpecification asClinic(String clinic) {
        return given().auth().preemptive().basic(clinic, SchedulingSessionsTestResource.apiKey(clinic));
    }

    private static RequestSpecification operator() {
        return given().auth().preemptive().basic("operator", "operator");
    }

    private FakeTwilioClient fake() {
        return new FakeTwilioClient(twilioUrl);
    }
}
