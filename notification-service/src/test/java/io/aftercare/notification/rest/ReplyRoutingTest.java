package io.aftercare.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.LocalSmtp;
import io.aftercare.localstack.MiddayZone;
import io.aftercare.localstack.testing.FakeTwilioClient;
import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SharedTestInfrastructure;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.localstack.testing.TopicReader;
import io.aftercare.notification.ClinicProfiles;
import io.aftercare.notification.Deliveries;
import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.NotificationFixtures;
import io.aftercare.notification.NotificationFixtures.Event;
import io.aftercare.notification.PatientReply;
import io.aftercare.notification.Replies;
import io.aftercare.notification.TwilioRequests;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A reply belongs to the clinic whose sender the patient answered, and within it to the booking that texted the
 * number from that sender last; a number that no clinic texted from it goes to the operator's unrouted queue. Two
 * clinics share one patient's number in every test here, as a second clinic on the same deployment can.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
class ReplyRoutingTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Duration ALERT_BOUND = Duration.ofSeconds(10);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "aftercare.twilio.base-url")
    String twilioUrl;

    @ConfigProperty(name = "aftercare.replies.default-alert-email")
    String operatorAlerts;

    @TestHTTPResource("/v1/webhooks/twilio/inbound")
    String inboundUrl;

    @Inject
    Deliveries deliveries;

    @Inject
    Replies replies;

    @Inject
    ClinicProfiles profiles;

    @Test
    void aClinicThatOnlyBookedTheNumberWithoutSmsConsentNeverGetsItsReplies() {
        // Both clinics text from the deployment's shared number; A texted the patient, B only booked them (email).
        Clinic a = clinic(null);
        Clinic b = clinic(null);
        String phone = NotificationFixtures.phone();
        UUID aBooking = texted(phone, a);
        UUID bBooking = emailedOnly(phone, b);

        reply(phone, TwilioRequests.DEPLOYMENT_NUMBER, null, "I have a fever since last night");

        PatientReply urgent = await().atMost(BOUND).pollInSameThread()
                .until(() -> replies.ofBooking(aBooking).stream().findFirst()
                        .orElse(null), Objects::nonNull);
        assertThat(urgent.clinicId).isEqualTo(a.id());
        assertThat(urgent.urgent).isTrue();
        assertThat(inbox(b.id()).getList("items")).isEmpty();
        assertThat(replies.ofBooking(bBooking)).isEmpty();
        // The urgent alert goes to A, whose patient it is; B's address hears nothing.
        assertThat(await().atMost(ALERT_BOUND).pollInSameThread().until(() -> mail(a.alertEmail(), urgent.id),
                Objects::nonNull)).isNotNull();
        assertThat(SharedTestInfrastructure.smtp().receivedBy(b.alertEmail())).isEmpty();

        // HELP names the clinic that texted the patient, not the one that booked them last.
        help(phone, TwilioRequests.DEPLOYMENT_NUMBER, null).then().body(containsString(a.name()));
    }

    @Test
    void eachClinicsOwnSenderRoutesToThatClinicAndStopStopsOnlyThatSender() {
        Clinic a = clinic("+3460" + digits(7));
        Clinic b = clinic("+3461" + digits(7));
        String phone = NotificationFixtures.phone();
        UUID aBooking = texted(phone, a);
        UUID bBooking = texted(phone, b);
        assertThat(fake().requestsTo(phone)).extracting(r -> r.get("From")).containsExactly(a.sender(), b.sender());

        // B texted last, but the patient answers A's number: the reply is A's.
        reply(phone, a.sender(), null, "there is pus on my cheek");
        reply(phone, b.sender(), null, "is the redness normal?");

        PatientReply toA = await().atMost(BOUND).pollInSameThread()
                .until(() -> replies.ofBooking(aBooking).stream().findFirst()
                        .orElse(null), Objects::nonNull);
        assertThat(toA.urgent).isTrue();
        assertThat(await().atMost(ALERT_BOUND).pollInSameThread().until(() -> mail(a.alertEmail(), toA.id),
                Objects::nonNull)).isNotNull();
        PatientReply toB = await().atMost(BOUND).pollInSameThread()
                .until(() -> replies.ofBooking(bBooking).stream().findFirst()
                        .orElse(null), Objects::nonNull);
        assertThat(toB.urgent).isFalse();
        assertThat(toB.body).isEqualTo("is the redness normal?");
        assertThat(replies.ofBooking(aBooking)).hasSize(1);
        help(phone, b.sender(), null).then().body(containsString(b.name()));

        // STOP to B's number stops B's texts only: A's still reach the patient.
        reply(phone, b.sender(), null, "STOP");
        try (TopicReader events = new TopicReader(bootstrapServers, "recipient-preferences")) {
            assertThat(events.read(r -> r.value().contains(phone), 1, BOUND)).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"optedOut\":true",
                            "\"sender\":\"" + b.sender() + "\"", "\"deploymentSender\":false"));
        }
        Event toBAgain = NotificationFixtures.forBooking(phone, b.id(), bBooking, "sun", "en");
        NotificationFixtures.publish(bootstrapServers, toBAgain);
        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> deliveries.settled(toBAgain.reminderId().toString()), Objects::nonNull).channel)
                .isNotEqualTo(DeliveryChannel.SMS);
        texted(phone, a, aBooking);
        // From A: the first reminder, the answer to the urgent reply, the one just now. From B: only its first.
        await().atMost(BOUND).pollInSameThread().until(() -> textsFrom(phone, a.sender()).size() == 3);
        assertThat(textsFrom(phone, b.sender())).hasSize(1);
    }

    @Test
    void onASharedSenderTheClinicThatTextedTheNumberLastHasTheReply() {
        Clinic a = clinic(null);
        Clinic b = clinic(null);
        String phone = NotificationFixtures.phone();
        UUID aBooking = texted(phone, a);
        UUID bBooking = texted(phone, b);

        reply(phone, TwilioRequests.DEPLOYMENT_NUMBER, null, "thanks, all fine");
        assertThat(
                await().atMost(BOUND).pollInSameThread().until(
                        () -> replies.ofBooking(bBooking).stream().findFirst().orElse(null), Objects::nonNull).clinicId)
                .isEqualTo(b.id());
        assertThat(replies.ofBooking(aBooking)).isEmpty();

        // A texts again: the conversation is A's now.
        texted(phone, a, aBooking);
        reply(phone, TwilioRequests.DEPLOYMENT_NUMBER, null, "and now?");
        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> replies.ofBooking(aBooking).stream().findFirst().orElse(null), Objects::nonNull).body)
                .isEqualTo("and now?");
        assertThat(replies.ofBooking(bBooking)).hasSize(1);
    }

    @Test
    void aMessagingServiceRoutesByItsSidWhicheverOfItsNumbersThePatientAnswered() {
        String service = "MG" + UUID.randomUUID().toString().replace("-", "");
        Clinic a = clinic(service);
        String phone = NotificationFixtures.phone();
        UUID booking = texted(phone, a);
        assertThat(fake().requestsTo(phone)).singleElement()
                .satisfies(r -> assertThat(r.get("MessagingServiceSid")).isEqualTo(service));

        reply(phone, "+3462" + digits(7), service, "can I wear makeup tomorrow?");

        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> replies.ofBooking(booking).stream().findFirst().orElse(null), Objects::nonNull).clinicId)
                .isEqualTo(a.id());
    }

    @Test
    void aReplyToASenderThatNeverTextedTheNumberWaitsForTheOperatorAndItsAlertGoesToTheOperator() {
        Clinic a = clinic("+3463" + digits(7));
        Clinic b = clinic(null);
        String phone = NotificationFixtures.phone();
        texted(phone, a);
        UUID bBooking = emailedOnly(phone, b);

        // The patient texts the deployment's number, from which nobody texted them: not A's (another sender), not B's.
        reply(phone, TwilioRequests.DEPLOYMENT_NUMBER, null, "I have a fever since the treatment");

        Map<String, Object> queued = await().atMost(BOUND).pollInSameThread().until(() -> unrouted().stream()
                .filter(entry -> phone.equals(entry.get("phone")))
                .findFirst()
                .orElse(null), Objects::nonNull);
        assertThat(queued.get("urgent")).isEqualTo(true);
        assertThat(queued.get("sender")).isEqualTo(TwilioRequests.DEPLOYMENT_NUMBER);
        assertThat(replies.ofBooking(bBooking)).isEmpty();
        assertThat(inbox(a.id()).getList("items")).isEmpty();
        assertThat(inbox(b.id()).getList("items")).isEmpty();
        String id = (String) queued.get("id");
        MimeMessage alert = await().atMost(ALERT_BOUND).pollInSameThread()
                .until(() -> mail(operatorAlerts, UUID.fromString(id)), Objects::nonNull);
        assertThat(LocalSmtp.textOf(alert)).contains("/v1/ops/unrouted-replies").doesNotContain("fever since");
        try (TopicReader events = new TopicReader(bootstrapServers, "patient-replies")) {
            assertThat(events.read(r -> r.value().contains(b.id()) || r.value().contains(a.id()), 1,
                    Duration.ofSeconds(2))).isEmpty();
        }
        // No automatic answer to a stranger's sender: only A's reminder ever went to the number.
        assertThat(fake().requestsTo(phone)).hasSize(1);
        // HELP there names no clinic.
        help(phone, TwilioRequests.DEPLOYMENT_NUMBER, null).then()
                .body(equalTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Aftercare reminders"
                        + " from your clinic. Reply STOP to stop them, START to resume.</Message></Response>"));

        // The queue names patients and what they wrote: nobody without the operator's login reads or changes it.
        given().get("/v1/ops/unrouted-replies").then().statusCode(401);
        given().header("X-Aftercare-Csrf", "1").post("/v1/ops/unrouted-replies/" + id + "/handled").then()
                .statusCode(401);
        operator().post("/v1/ops/unrouted-replies/" + id + "/handled").then().statusCode(403);
        operator().header("X-Aftercare-Csrf", "1").post("/v1/ops/unrouted-replies/" + id + "/handled").then()
                .statusCode(200)
                .body("handledBy", equalTo("operator"));
        assertThat(unrouted()).noneSatisfy(entry -> assertThat(entry.get("id")).isEqualTo(id));
        operator().header("X-Aftercare-Csrf", "1").post("/v1/ops/unrouted-replies/" + UUID.randomUUID() + "/handled")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aBodyLongerThanATextIsRefusedAndChangesNothing() {
        String phone = NotificationFixtures.phone();
        Map<String, String> form = TwilioRequests.inbound(phone, "x".repeat(TwilioWebhookResource.MAX_BODY + 1));
        TwilioRequests.postSigned(inboundUrl, form).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Body"));
        assertThat(unrouted()).noneSatisfy(entry -> assertThat(entry.get("phone")).isEqualTo(phone));
        TwilioRequests.postSigned(inboundUrl, TwilioRequests.inbound(phone, "x".repeat(TwilioWebhookResource.MAX_BODY)))
                .then().statusCode(200);
    }

    /** A clinic of its own for each test, with its profile adopted; {@code sender} null: the deployment's. */
    private Clinic clinic(String sender) {
        String id = "route-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Clinic " + id;
        String alertEmail = "desk@" + id + ".example";
        String json = ClinicProfiles.profile(id, 1, name, "https://ehr.example.es/h", "\"reply.urgent\"")
                .replace("enfermeria@example.es", alertEmail)
                .replace("\"locale\": \"es\"", "\"locale\": \"en\"")
                .replaceFirst("\"helpTexts\": \\{[^}]*}", "\"helpTexts\": {\"en\": \"" + name + ": call us.\"}");
        json = sender == null
                ? json.replace("\"sms\": {\"sender\": \"+34600111222\", \"messagesPerSecond\": 10},", "")
                : json.replace("+34600111222", sender);
        ClinicProfiles.publish(bootstrapServers, id, 1, json);
        await().atMost(BOUND).pollInSameThread().until(() -> profiles.stored(id).orElse(null), Objects::nonNull);
        return new Clinic(id, name, sender == null ? TwilioRequests.DEPLOYMENT_NUMBER : sender, alertEmail);
    }

    private record Clinic(String id, String name, String sender, String alertEmail) {
    }

    private UUID texted(String phone, Clinic clinic) {
        return texted(phone, clinic, UUID.randomUUID());
    }

    private UUID texted(String phone, Clinic clinic, UUID booking) {
        Event event = NotificationFixtures.forBooking(phone, clinic.id(), booking, "sun", "en");
        NotificationFixtures.publish(bootstrapServers, event);
        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> deliveries.settled(event.reminderId().toString()), Objects::nonNull).status)
                .isEqualTo(DeliveryStatus.SENT);
        return booking;
    }

    /** A booking of the number whose patient gave no SMS consent: its reminder goes by email, no text. */
    private UUID emailedOnly(String phone, Clinic clinic) {
        UUID booking = UUID.randomUUID();
        Event event = NotificationFixtures.event(phone, "ana-" + booking + "@example.com", false, true, "sms", "en",
                MiddayZone.now(), "normal", Instant.now().plus(6, ChronoUnit.HOURS));
        Event forClinic = event.at(clinic.id(), booking);
        int textsBefore = fake().requestsTo(phone).size();
        NotificationFixtures.publish(bootstrapServers, forClinic);
        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> deliveries.settled(forClinic.reminderId().toString()), Objects::nonNull).status)
                .isEqualTo(DeliveryStatus.SENT);
        assertThat(fake().requestsTo(phone)).hasSize(textsBefore);
        return booking;
    }

    private void reply(String from, String to, String messagingService, String body) {
        TwilioRequests.postSigned(inboundUrl, TwilioRequests.inbound(from, to, messagingService, body))
                .then()
                .statusCode(200);
    }

    private io.restassured.response.Response help(String from, String to, String messagingService) {
        return TwilioRequests.postSigned(inboundUrl, TwilioRequests.inbound(from, to, messagingService, "HELP"));
    }

    private static List<Map<String, Object>> unrouted() {
        return operator().queryParam("limit", 200).get("/v1/ops/unrouted-replies").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static JsonPath inbox(String clinic) {
        return operator().queryParam("state", "open").get("/v1/clinics/" + clinic + "/inbox").then().statusCode(200)
                .extract().jsonPath();
    }

    private static MimeMessage mail(String to, UUID replyId) {
        return SharedTestInfrastructure.smtp().receivedBy(to).stream()
                .filter(message -> LocalSmtp.textOf(message).contains(replyId.toString()))
                .findFirst()
                .orElse(null);
    }

    private static RequestSpecification operator() {
        return given().auth().preemptive().basic("operator", "operator");
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    private List<Map<String, Object>> textsFrom(String phone, String sender) {
        return fake().requestsTo(phone).stream().filter(r -> sender.equals(r.get("From"))).toList();
    }

    private FakeTwilioClient fake() {
        return new FakeTwilioClient(twilioUrl);
    }
}
