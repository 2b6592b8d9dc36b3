package io.aftercare.notification.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.LocalSmtp;
import io.aftercare.localstack.MiddayZone;
import io.aftercare.localstack.testing.FakeTwilio;
import io.aftercare.localstack.testing.FakeTwilioClient;
import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SharedTestInfrastructure;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.localstack.testing.TopicReader;
import io.aftercare.notification.Deliveries;
import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.NotificationFixtures;
import io.aftercare.notification.NotificationFixtures.Event;
import io.aftercare.notification.TwilioRequests;
import io.aftercare.notification.provider.TwilioSignature;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
class TwilioWebhookResourceTest {

    /**
     * Generous: on this machine the test SMTP server has held a single email for 30 s now and then (seen twice in
     * some twenty runs; cause not found), and these tests wait for emails.
     */
    private static final Duration BOUND = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "aftercare.twilio.base-url")
    String twilioUrl;

    @TestHTTPResource("/v1/webhooks/twilio/inbound")
    String inboundUrl;

    @TestHTTPResource("/v1/webhooks/twilio/status")
    String statusUrl;

    @Inject
    Deliveries deliveries;

    @Test
    void aSignedStopMovesTheNextReminderToEmailAndStartBringsTextsBack() throws Exception {
        String phone = NotificationFixtures.phone();
        String email = "stop-" + UUID.randomUUID() + "@example.com";

        post(inboundUrl, TwilioRequests.inbound(phone, "  stop "), true).then().statusCode(200);
        awaitPreference(phone, true, "STOP");

        Event afterStop = NotificationFixtures.event(phone, email, true, true, "sms", "es", MiddayZone.now(), "normal",
                Instant.now().plus(6, ChronoUnit.HOURS));
        NotificationFixtures.publish(bootstrapServers, afterStop);
        Delivery byEmail = settled(afterStop);
        assertThat(byEmail.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(byEmail.channel).isEqualTo(DeliveryChannel.EMAIL);
        assertThat(fake().requestsTo(phone)).isEmpty();
        MimeMessage mail = await().atMost(BOUND).pollInSameThread().until(() -> mailTo(email), Objects::nonNull);
        assertThat(mail.getSubject()).isEqualTo("Evita el sol durante 48 horas");

        post(inboundUrl, TwilioRequests.inbound(phone, "START"), true).then().statusCode(200);
        Event afterStart = NotificationFixtures.smsEvent(phone);
        NotificationFixtures.publish(bootstrapServers, afterStart);
        Delivery byText = settled(afterStart);
        assertThat(byText.channel).isEqualTo(DeliveryChannel.SMS);
        assertThat(fake().requestsTo(phone)).hasSize(1);
    }

    @Test
    void aForgedOrMissingSignatureIsForbiddenAndChangesNothing() {
        String phone = NotificationFixtures.phone();
        Map<String, String> stop = TwilioRequests.inbound(phone, "STOP");

        given().contentType("application/x-www-form-urlencoded")
                .formParams(stop)
                .header("X-Twilio-Signature", TwilioSignature.sign("not-the-token", inboundUrl, stop))
                .post(inboundUrl)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().contentType("application/x-www-form-urlencoded").formParams(stop).post(inboundUrl).then()
                .statusCode(403);
        Map<String, String> tampered = new LinkedHashMap<>(stop);
        String signature = TwilioSignature.sign(FakeTwilio.AUTH_TOKEN, inboundUrl, stop);
        tampered.put("From", NotificationFixtures.phone());
        given().contentType("application/x-www-form-urlencoded")
                .formParams(tampered)
                .header("X-Twilio-Signature", signature)
                .post(inboundUrl)
                .then()
                .statusCode(403);

        Event event = NotificationFixtures.smsEvent(phone);
        NotificationFixtures.publish(bootstrapServers, event);
        assertThat(settled(event).channel).isEqualTo(DeliveryChannel.SMS);
        assertThat(fake().requestsTo(phone)).hasSize(1);
    }

    @Test
    void spanishKeywordsWorkLikeTheirEnglishOnesAndHelpAnswersInSpanish() {
        String phone = NotificationFixtures.phone();

        post(inboundUrl, TwilioRequests.inbound(phone, " Baja "), true).then().statusCode(200);
        awaitPreference(phone, true, "BAJA");
        post(inboundUrl, TwilioRequests.inbound(phone, "ALTA"), true).then().statusCode(200);
        awaitPreference(phone, false, "ALTA");
        for (String word : List.of("PARAR", "cancelar")) {
            String other = NotificationFixtures.phone();
            post(inboundUrl, TwilioRequests.inbound(other, word), true).then().statusCode(200);
            awaitPreference(other, true, word);
        }
        post(inboundUrl, TwilioRequests.inbound(phone, "ayuda"), true)
                .then()
                .statusCode(200)
                .body(containsString("<Message>Recordatorios de cuidados de tu centro. Responde BAJA"));
    }

    /** The preference change the keyword caused, as scheduling reads it from recipient-preferences. */
    private void awaitPreference(String phone, boolean optedOut, String because) {
        try (TopicReader preferences = new TopicReader(bootstrapServers, "recipient-preferences")) {
            assertThat(preferences.read(r -> r.value().contains(phone)
                    && r.value().contains("\"optedOut\":" + optedOut), 1, BOUND)).as(because).hasSize(1);
        }
    }

    @Test
    void helpFromAPatientWhoseTextsAreInSpanishIsAnsweredInSpanish() {
        String phone = NotificationFixtures.phone();
        Event spanish = NotificationFixtures.smsEvent(phone);
        NotificationFixtures.publish(bootstrapServers, spanish);
        assertThat(settled(spanish).status).isEqualTo(DeliveryStatus.SENT);

        post(inboundUrl, TwilioRequests.inbound(phone, "HELP"), true)
                .then()
                .statusCode(200)
                .body(containsString("<Message>Recordatorios de cuidados"));
    }

    @Test
    void helpIsAnsweredWithHowToReachUs() {
        post(inboundUrl, TwilioRequests.inbound(NotificationFixtures.phone(), "help"), true)
                .then()
                .statusCode(200)
                .body(containsString("<Message>Aftercare reminders from your clinic. Reply STOP"));
    }

    @Test
    void statusCallbacksMoveADeliveryOnButNeverBack() {
        String phone = NotificationFixtures.phone();
        Event event = NotificationFixtures.smsEvent(phone);
        NotificationFixtures.publish(bootstrapServers, event);
        String sid = settled(event).providerMessageId;

        post(statusUrl, status(sid, "delivered", null), true).then().statusCode(204);
        post(statusUrl, status(sid, "sent", null), true).then().statusCode(204);
        post(statusUrl, status(sid, "delivered", null), true).then().statusCode(204);

        assertThat(deliveries.get(event.reminderId().toString()).status).isEqualTo(DeliveryStatus.DELIVERED);
        try (TopicReader statuses = new TopicReader(bootstrapServers, "notification-status")) {
            assertThat(statuses.read(r -> r.value().contains(event.reminderId().toString())
                    && r.value().contains("\"status\":\"delivered\""), 2, Duration.ofSeconds(5))).hasSize(1);
        }

        Event other = NotificationFixtures.smsEvent(NotificationFixtures.phone());
        NotificationFixtures.publish(bootstrapServers, other);
        String otherSid = settled(other).providerMessageId;
        post(statusUrl, status(otherSid, "undelivered", "30003"), true).then().statusCode(204);
        post(statusUrl, status(otherSid, "sent", null), true).then().statusCode(204);
        Delivery undelivered = deliveries.get(other.reminderId().toString());
        assertThat(undelivered.status).isEqualTo(DeliveryStatus.UNDELIVERED);
        assertThat(undelivered.reason).contains("30003");

        post(statusUrl, status(sid, "failed", "30005"), false).then().statusCode(403);
        assertThat(deliveries.get(event.reminderId().toString()).status).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aStatusThatCameBeforeItsSendWasRecordedIsAppliedOnceItIs() {
        String phone = NotificationFixtures.phone();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        // A stranger's unsigned report is refused before anything is kept: kept, it would be applied first.
        post(statusUrl, status(sid, "failed", "30005"), false).then().statusCode(403);
        // A report naming an id longer than any provider's is answered and not kept (it could not be ours).
        post(statusUrl, status("SM" + "f".repeat(100), "undelivered", "30003"), true).then().statusCode(204);
        // A quick provider's report names a message whose send this service has not recorded yet.
        post(statusUrl, status(sid, "undelivered", "30003"), true).then().statusCode(204);
        fake().sidOfNext(phone, sid);

        Event event = NotificationFixtures.smsEvent(phone);
        NotificationFixtures.publish(bootstrapServers, event);

        Delivery delivery = await().atMost(BOUND).pollInSameThread()
                .until(() -> deliveries.get(event.reminderId().toString()),
                        found -> found != null && found.status == DeliveryStatus.UNDELIVERED);
        assertThat(delivery.providerMessageId).isEqualTo(sid);
        assertThat(delivery.reason).contains("30003");
        try (TopicReader statuses = new TopicReader(bootstrapServers, "notification-status")) {
            assertThat(statuses.read(r -> r.value().contains(event.reminderId().toString())
                    && r.value().contains("\"status\":\"undelivered\""), 1, Duration.ofSeconds(5))).hasSize(1);
        }
    }

    @Test
    void anEmailInThePatientsLanguageArrivesWithSubjectAndBody() throws Exception {
        String email = "mail-" + UUID.randomUUID() + "@example.com";
        Event event = NotificationFixtures.event(null, email, false, true, "email", "es", MiddayZone.now(), "normal",
                Instant.now().plus(6, ChronoUnit.HOURS));

        NotificationFixtures.publish(bootstrapServers, event);

        MimeMessage mail = await().atMost(BOUND).pollInSameThread().until(() -> mailTo(email), Objects::nonNull);
        assertThat(mail.getSubject()).isEqualTo("Evita el sol durante 48 horas");
        assertThat(LocalSmtp.textOf(mail)).contains("Hola Ana:")
                .contains("Después del microneedling tu piel es más sensible.");
        assertThat(LocalSmtp.htmlOf(mail)).contains("<p>Hola Ana:</p>");
        assertThat(settled(event).channel).isEqualTo(DeliveryChannel.EMAIL);
    }

    private static Map<String, String> status(String sid, String status, String errorCode) {
        return TwilioRequests.status(sid, status, errorCode);
    }

    private static Response post(String url, Map<String, String> form, boolean signed) {
        return signed
                ? TwilioRequests.postSigned(url, form)
                : given().contentType("application/x-www-form-urlencoded").formParams(form).post(url).andReturn();
    }

    private static MimeMessage mailTo(String address) {
        return SharedTestInfrastructure.smtp().receivedBy(address).stream().findFirst().orElse(null);
    }

    private Delivery settled(Event event) {
        return await().atMost(BOUND).pollInSameThread().until(() -> deliveries.settled(event.reminderId().toString()),
                Objects::nonNull);
    }

    private FakeTwilioClient fake() {
        return new FakeTwilioClient(twilioUrl);
    }
}
