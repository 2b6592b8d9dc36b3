package io.aftercare.notification.rest;

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
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.LocalSmtp;
import io.aftercare.localstack.testing.FakeTwilioClient;
import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SharedTestInfrastructure;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.localstack.testing.TopicReader;
import io.aftercare.notification.Deliveries;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.NotificationFixtures;
import io.aftercare.notification.NotificationFixtures.Event;
import io.aftercare.notification.PatientReply;
import io.aftercare.notification.Replies;
import io.aftercare.notification.TwilioRequests;
import io.aftercare.notification.service.RecordRetention;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Replies through Twilio-signed inbound webhooks, as the provider sends them, into the clinic's inbox: filed under the
 * right clinic and booking, read (check-in scores, red flags), escalated within seconds, answered through the normal
 * sending path.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
class InboxResourceTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    /** The promise: the clinic hears of an urgent reply within 10 seconds. */
    private static final Duration ALERT_BOUND = Duration.ofSeconds(10);
    private static final String CLINIC = "inbox-a";
    private static final String OTHER_CLINIC = "inbox-b";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "aftercare.twilio.base-url")
    String twilioUrl;

    @TestHTTPResource("/v1/webhooks/twilio/inbound")
    String inboundUrl;

    @Inject
    Deliveries deliveries;

    @Inject
    Replies replies;

    @Inject
    io.aftercare.notification.ClinicProfiles profiles;

    @Inject
    RecordRetention retention;

    @Test
    void aFreeTextReplyIsInItsClinicsInboxOnlyAndIsNotAnsweredAutomatically() {
        String phone = NotificationFixtures.phone();
        UUID booking = textedBooking(phone, CLINIC, "sun", "en");

        reply(phone, "Is it normal that it itches a bit?");

        JsonPath inbox = inbox(CLINIC, "open");
        Map<String, Object> entry = entryOf(inbox, booking);
        assertThat(entry.get("body")).isEqualTo("Is it normal that it itches a bit?");
        assertThat(entry.get("urgent")).isEqualTo(false);
        assertThat(entry.get("checkInScore")).isNull();
        assertThat(entry.get("phone")).isEqualTo(phone);
        assertThat(inbox(OTHER_CLINIC, "open").getList("items.bookingId")).doesNotContain(booking.toString());
        try (TopicReader events = new TopicReader(bootstrapServers, "patient-replies")) {
            assertThat(events.read(r -> r.value().contains(booking.toString()), 1, BOUND)).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"urgent\":false").doesNotContain("itches"));
        }
        // Only the reminder went to the patient: an ordinary reply is for a person at the clinic to answer.
        assertThat(fake().requestsTo(phone)).hasSize(1);

        String id = (String) entry.get("id");
        operator().post("/v1/clinics/" + CLINIC + "/inbox/" + id + "/handled")
                .then()
                .statusCode(200)
                .body("state", equalTo("handled"))
                .body("handledBy", equalTo("operator"));
        assertThat(inbox(CLINIC, "open").getList("items.id")).doesNotContain(id);
        assertThat(inbox(CLINIC, "handled").getList("items.id")).contains(id);
    }

    @Test
    void anUrgentReplyIsEmailedWhereTheClinicsProfileSays() {
        String clinic = "inbox-p-" + UUID.randomUUID().toString().substring(0, 6);
        io.aftercare.notification.ClinicProfiles.publish(bootstrapServers, clinic, 1,
                io.aftercare.notification.ClinicProfiles.profile(clinic, 1, "Clinica Sol", "https://ehr.example.es/h",
                        "\"reply.urgent\""));
        await().atMost(BOUND).pollInSameThread().until(() -> profiles.stored(clinic).orElse(null), Objects::nonNull);
        String phone = NotificationFixtures.phone();
        UUID booking = textedBooking(phone, clinic, "check-in", "en");

        // The patient answers the clinic's own number, which texted them.
        TwilioRequests.postSigned(inboundUrl, TwilioRequests.inbound(phone,
                io.aftercare.notification.ClinicProfiles.SMS_SENDER, null, "5")).then().statusCode(200);

        PatientReply urgent = replies.ofBooking(booking).get(0);
        assertThat(urgent.urgent).isTrue();
        assertThat(await().atMost(ALERT_BOUND).pollInSameThread().until(() -> mail("enfermeria@example.es", urgent.id),
                Objects::nonNull)).isNotNull();
    }

    @Test
    void aFiveAtTheCheckInIsUrgentAnsweredOnceAndAlertsTheClinicWithinTenSeconds() throws Exception {
        String phone = NotificationFixtures.phone();
        UUID booking = textedBooking(phone, CLINIC, "check-in", "en");

        Instant sent = Instant.now();
        reply(phone, "5");

        PatientReply urgent = replies.ofBooking(booking).get(0);
        assertThat(urgent.checkInScore).isEqualTo(5);
        assertThat(urgent.urgent).isTrue();
        assertThat(urgent.urgentReason).isEqualTo("check-in answer 5 of 5");
        MimeMessage alert = await().atMost(ALERT_BOUND).pollInSameThread()
                .until(() -> mail("desk@inbox-a.example", urgent.id), Objects::nonNull);
        assertThat(alert.getSubject()).isEqualTo("Urgent reply from a patient (booking ext-1)");
        assertThat(LocalSmtp.textOf(alert)).contains("check-in answer 5 of 5", "/v1/clinics/inbox-a/inbox");
        try (TopicReader events = new TopicReader(bootstrapServers, "patient-replies")) {
            assertThat(events.read(r -> r.value().contains(urgent.id.toString()), 1, ALERT_BOUND)).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"urgent\":true", "\"checkInScore\":5"));
        }
        assertThat(Duration.between(sent, Instant.now())).isLessThan(ALERT_BOUND);
        List<Map<String, Object>> answers = await().atMost(BOUND).pollInSameThread().until(() -> {
            List<Map<String, Object>> texts = fake().requestsTo(phone);
            return texts.size() == 2 ? texts : null;
        }, Objects::nonNull);
        assertThat((String) answers.get(1).get("Body")).startsWith("Thank you. We have told your clinic")
                .contains("emergency");

        // The same conversation: the clinic hears of it, the patient is not answered twice.
        reply(phone, "it's getting worse");
        assertThat(replies.ofBooking(booking)).hasSize(2).allSatisfy(r -> assertThat(r.urgent).isTrue());
        await().atMost(ALERT_BOUND).pollInSameThread()
                .until(() -> mail("desk@inbox-a.example", replies.ofBooking(booking).get(1).id), Objects::nonNull);
        assertThat(fake().requestsTo(phone)).hasSize(2);
    }

    @Test
    void fiebreFromASpanishPatientIsUrgentAndAnsweredInSpanish() throws Exception {
        String phone = NotificationFixtures.phone();
        UUID booking = textedBooking(phone, CLINIC, "sun", "es");

        reply(phone, "Tengo fiebre desde anoche");

        PatientReply urgent = replies.ofBooking(booking).get(0);
        assertThat(urgent.urgentReason).isEqualTo("red flags: fiebre");
        assertThat(urgent.checkInScore).isNull();
        await().atMost(ALERT_BOUND).pollInSameThread().until(() -> mail("desk@inbox-a.example", urgent.id),
                Objects::nonNull);
        try (TopicReader events = new TopicReader(bootstrapServers, "patient-replies")) {
            assertThat(events.read(r -> r.value().contains(urgent.id.toString()), 1, ALERT_BOUND)).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"urgent\":true").doesNotContain("anoche"));
        }
        List<Map<String, Object>> texts = await().atMost(BOUND).pollInSameThread().until(() -> {
            List<Map<String, Object>> all = fake().requestsTo(phone);
            return all.size() == 2 ? all : null;
        }, Objects::nonNull);
        assertThat((String) texts.get(1).get("Body")).startsWith("Gracias. Hemos avisado a tu clinica")
                .contains("112");
    }

    @Test
    void checkInAnswersAreReadInBothLanguagesOnlyAfterTheQuestion() {
        String asked = NotificationFixtures.phone();
        UUID checkedIn = textedBooking(asked, CLINIC, "check-in", "es");
        reply(asked, "tres");
        reply(asked, "3 gracias");
        assertThat(replies.ofBooking(checkedIn)).extracting(r -> r.checkInScore).containsExactly(3, 3);
        assertThat(replies.ofBooking(checkedIn)).noneSatisfy(r -> assertThat(r.urgent).isTrue());

        String notAsked = NotificationFixtures.phone();
        UUID other = textedBooking(notAsked, CLINIC, "sun", "en");
        reply(notAsked, "5 stars for the clinic");
        assertThat(replies.ofBooking(other)).singleElement().satisfies(r -> {
            assertThat(r.checkInScore).isNull();
            assertThat(r.urgent).isFalse();
        });
    }

    @Test
    void aSharedPhoneFilesUnderTheNewestBookingAndListsTheOthers() {
        String phone = NotificationFixtures.phone();
        UUID older = textedBooking(phone, CLINIC, "sun", "en");
        UUID newer = textedBooking(phone, CLINIC, "sun", "en");

        reply(phone, "Which of us is this for?");

        assertThat(replies.ofBooking(older)).isEmpty();
        Map<String, Object> entry = entryOf(inbox(CLINIC, "open"), newer);
        assertThat((List<?>) entry.get("otherBookings")).singleElement()
                .satisfies(b -> assertThat(((Map<?, ?>) b).get("bookingId")).isEqualTo(older.toString()));
    }

    @Test
    void aStaffReplyReachesThePatientThroughTheNormalPathAndAnOptedOutOneIsRefused() {
        String phone = NotificationFixtures.phone();
        UUID booking = textedBooking(phone, CLINIC, "sun", "en");
        reply(phone, "Can I use my usual cream?");
        String id = replies.ofBooking(booking).get(0).id.toString();

        String delivery = operator().contentType(ContentType.JSON)
                .body("{\"text\": \"Yes, a gentle one is fine. Call us if it stings.\"}")
                .post("/v1/clinics/" + CLINIC + "/inbox/" + id + "/reply")
                .then()
                .statusCode(202)
                .extract()
                .path("deliveryId");

        assertThat(await().atMost(BOUND).pollInSameThread().until(() -> deliveries.settled("reply:" + delivery),
                Objects::nonNull).status)
                .isEqualTo(DeliveryStatus.SENT);
        assertThat(fake().requestsTo(phone)).hasSize(2)
                .last()
                .satisfies(
                        r -> assertThat(r.get("Body")).isEqualTo("Yes, a gentle one is fine. Call us if it stings."));
        assertThat(inbox(CLINIC, "handled").getList("items.id")).contains(id);
        // The clinic finds it among the booking's deliveries.
        operator().get("/v1/clinics/" + CLINIC + "/deliveries?bookingId=" + booking)
                .then()
                .statusCode(200)
                .body("find { it.reminderId == '" + delivery + "' }.ruleKey", equalTo("staff-reply"));

        reply(phone, "STOP");
        operator().contentType(ContentType.JSON)
                .body("{\"text\": \"Are you sure?\"}")
                .post("/v1/clinics/" + CLINIC + "/inbox/" + id + "/reply")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void pagesFollowTheCursorAndBadInputIsRefusedFieldByField() {
        String phone = NotificationFixtures.phone();
        String clinic = "inbox-pages-" + System.nanoTime();
        textedBooking(phone, clinic, "sun", "en");
        for (int i = 1; i <= 3; i++) {
            reply(phone, "question " + i);
        }

        JsonPath first = operator().queryParam("limit", 2).get("/v1/clinics/" + clinic + "/inbox").jsonPath();
        assertThat(first.getList("items.body")).containsExactly("question 3", "question 2");
        JsonPath second = operator().queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor"))
                .get("/v1/clinics/" + clinic + "/inbox")
                .jsonPath();
        assertThat(second.getList("items.body")).containsExactly("question 1");
        assertThat(second.getString("nextCursor")).isNull();

        String inbox = "/v1/clinics/" + clinic + "/inbox";
        operator().queryParam("state", "closed").get(inbox).then().statusCode(400)
                .contentType("application/problem+json");
        operator().queryParam("limit", 0).get(inbox).then().statusCode(400);
        operator().queryParam("cursor", "not-a-cursor").get(inbox).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        operator().post(inbox + "/" + UUID.randomUUID() + "/handled").then().statusCode(404)
                .contentType("application/problem+json");
        String id = first.getString("items[0].id");
        operator().contentType(ContentType.JSON).body("{\"text\": \"  \"}").post(inbox + "/" + id + "/reply")
                .then().statusCode(400).contentType("application/problem+json");
        operator().contentType(ContentType.JSON).body("{\"text\": 42}").post(inbox + "/" + id + "/reply")
                .then().statusCode(400);
        given().get(inbox).then().statusCode(401);
        assertThat(inbox(clinic, "handled").getList("items")).isEmpty();
    }

    @Test
    void readingAnInboxIsInTheClinicsAuditTrail() {
        inbox(CLINIC, "open");
        JsonPath audit = operator().get("/v1/clinics/" + CLINIC + "/audit").then().statusCode(200).extract()
                .jsonPath();
        assertThat(audit.getString("items[0].actor")).isEqualTo("operator");
        assertThat(audit.getString("items[0].action")).isEqualTo("GET");
        assertThat(audit.getString("items[0].resource")).isEqualTo("/v1/clinics/" + CLINIC + "/inbox");
        assertThat(audit.getString("items[0].clinicId")).isEqualTo(CLINIC);
    }

    @Test
    void repliesOlderThanTheRetentionAreDeleted() {
        String phone = NotificationFixtures.phone();
        UUID booking = textedBooking(phone, CLINIC, "sun", "en");
        reply(phone, "old news");
        reply(phone, "new news");
        List<PatientReply> both = replies.ofBooking(booking);
        replies.receivedAt(both.get(0).id, Instant.now().minus(91, ChronoUnit.DAYS));

        assertThat(retention.pruneNow().replies()).isPositive();

        assertThat(replies.exists(both.get(0).id)).isFalse();
        assertThat(replies.exists(both.get(1).id)).isTrue();
    }

    /** A booking whose reminder (of the given category) was texted to the number. */
    private UUID textedBooking(String phone, String clinic, String category, String locale) {
        UUID booking = UUID.randomUUID();
        Event event = NotificationFixtures.forBooking(phone, clinic, booking, category, locale);
        NotificationFixtures.publish(bootstrapServers, event);
        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> deliveries.settled(event.reminderId().toString()), Objects::nonNull).status)
                .isEqualTo(DeliveryStatus.SENT);
        return booking;
    }

    private void reply(String from, String body) {
        TwilioRequests.postSigned(inboundUrl, TwilioRequests.inbound(from, body))
                .then()
                .statusCode(200)
                .body(equalTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"));
    }

    private static JsonPath inbox(String clinic, String state) {
        return operator().queryParam("state", state).get("/v1/clinics/" + clinic + "/inbox").then().statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, Object> entryOf(JsonPath inbox, UUID booking) {
        return inbox.getList("items", Map.class).stream()
                .filter(e -> booking.toString().equals(e.get("bookingId")))
                .map(e -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> entry = e;
                    return entry;
                })
                .findFirst()
                .orElseThrow(() -> new AssertionError("no reply of booking " + booking + " in " + inbox.prettify()));
    }

    private static RequestSpecification operator() {
        return given().auth().preemptive().basic("operator", "operator");
    }

    /** The alert email for this reply at that address, once the SMTP server has it. */
    private static MimeMessage mail(String to, UUID replyId) {
        return SharedTestInfrastructure.smtp().receivedBy(to).stream()
                .filter(message -> LocalSmtp.textOf(message).contains(replyId.toString()))
                .findFirst()
                .orElse(null);
    }

    private FakeTwilioClient fake() {
        return new FakeTwilioClient(twilioUrl);
    }
}
