package io.aftercare.notification.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.contracts.Contract;
import io.aftercare.events.ClinicProfileChanged;
import io.aftercare.events.CredentialRevoked;
import io.aftercare.events.ReminderDue;
import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.localstack.testing.TopicReader;
import io.aftercare.notification.ClinicProfiles;
import io.aftercare.notification.Deliveries;
import io.aftercare.notification.NotificationFixtures;
import io.aftercare.notification.NotificationFixtures.Event;
import io.aftercare.notification.TwilioRequests;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What notification publishes keeps to its schemas (the records it put on Kafka in a real exchange: a reminder, a
 * reply, its handling, a BAJA), and notification reads every field it declares from the reminder-due and clinic-profile examples,
 * with the mapper its consumers use.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
class EventContractsTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    Deliveries deliveries;

    @TestHTTPResource("/v1/webhooks/twilio/inbound")
    String inboundUrl;

    @Test
    void itReadsEveryFieldItDeclaresFromTheReminderDueExample() {
        assertThat(Contract.REMINDER_DUE.readFully(json, ReminderDue.class).asksCheckIn()).isTrue();
    }

    @Test
    void itReadsEveryFieldItDeclaresFromTheCredentialRevokedExample() {
        assertThat(Contract.CREDENTIAL_REVOKED.readFully(json, CredentialRevoked.class).keyId())
                .isEqualTo("3f9c2a1b7d4e6f80");
    }

    /** With the mapper its clinic-profiles deserializer uses: Quarkus's ObjectMapper. */
    @Test
    void itReadsEveryFieldItDeclaresFromTheClinicProfileExample() {
        ClinicProfileChanged profile = Contract.CLINIC_PROFILE.readFully(json, ClinicProfileChanged.class);
        assertThat(profile.webhooks()).singleElement()
                .satisfies(webhook -> assertThat(webhook.events()).contains("delivery.failed"));
        // The example's secret is sealed, as on the topic, with the dev key: it opens for its clinic.
        String sealed = profile.webhooks().get(0).secret();
        assertThat(sealed).startsWith("v1:dev:");
        assertThat(io.aftercare.messaging.secrets.SecretBox
                .of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getValue("aftercare.secrets.current", String.class),
                        org.eclipse.microprofile.config.ConfigProvider.getConfig()
                                .getValue("aftercare.secrets.keys", String.class))
                .open(sealed, "clinic-profiles:" + profile.clinicId())).isEqualTo(ClinicProfiles.SECRET);
    }

    /** The profiles the tests publish are ones scheduling could publish. */
    @Test
    void theTestsClinicProfilesKeepToTheContract() {
        Contract.CLINIC_PROFILE.assertValid(ClinicProfiles.profile("clinic-t", 1, "Clinica T",
                "http://localhost:8099/hooks", "\"delivery.failed\", \"reply.urgent\""));
    }

    @Test
    void theStatusItPublishesForAReminderKeepsToTheContract() {
        Event event = NotificationFixtures.smsEvent(NotificationFixtures.phone());
        NotificationFixtures.publish(bootstrapServers, event);

        try (TopicReader topic = new TopicReader(bootstrapServers, "notification-status")) {
            var published = topic.read(r -> r.value().contains(event.reminderId().toString()), 1, BOUND);
            assertThat(published).hasSize(1);
            Contract.NOTIFICATION_STATUS.assertValid(published.get(0).value());
        }
    }

    /** Handled by the clinic's staff: announced once, keyed by booking, under the reply's id with ":handled". */
    @Test
    void theHandlingOfAReplyKeepsToItsContract() throws Exception {
        String phone = NotificationFixtures.phone();
        UUID booking = UUID.randomUUID();
        Event checkIn = NotificationFixtures.forBooking(phone, "clinic-n", booking, "check-in", "en");
        NotificationFixtures.publish(bootstrapServers, checkIn);
        await().atMost(BOUND).pollInSameThread().until(() -> deliveries.settled(checkIn.reminderId().toString()),
                Objects::nonNull);
        inbound(phone, "4, very red");
        String replyId;
        try (TopicReader topic = new TopicReader(bootstrapServers, "patient-replies")) {
            replyId = json.readTree(topic.read(r -> r.value().contains(booking.toString()), 1, BOUND).get(0).value())
                    .get("replyId").asText();
        }

        for (int time = 0; time < 2; time++) {
            given().auth().preemptive().basic("operator", "operator")
                    .post("/v1/clinics/clinic-n/inbox/" + replyId + "/handled").then().statusCode(200);
        }

        try (TopicReader topic = new TopicReader(bootstrapServers, "replies-handled")) {
            var handled = topic.readFor(r -> r.value().contains(replyId), Duration.ofSeconds(3));
            assertThat(handled).singleElement().satisfies(record -> {
                Contract.REPLY_HANDLED.assertValid(record.value());
                assertThat(record.key()).isEqualTo(booking.toString());
                assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                        .isEqualTo(replyId + ":handled");
                assertThat(json.readTree(record.value()).get("urgent").asBoolean()).isTrue();
            });
        }
    }

    @Test
    void theReplyAndPreferenceEventsOfARealConversationKeepToTheirContracts() {
        String phone = NotificationFixtures.phone();
        UUID booking = UUID.randomUUID();
        Event checkIn = NotificationFixtures.forBooking(phone, "clinic-n", booking, "check-in", "es");
        NotificationFixtures.publish(bootstrapServers, checkIn);
        await().atMost(BOUND).pollInSameThread().until(() -> deliveries.settled(checkIn.reminderId().toString()),
                Objects::nonNull);

        inbound(phone, "4, muy roja");
        inbound(phone, "BAJA");

        try (TopicReader topic = new TopicReader(bootstrapServers, "patient-replies")) {
            Contract.PATIENT_REPLIED
                    .assertValid(topic.read(r -> r.value().contains(booking.toString()), 1, BOUND).get(0).value());
        }
        try (TopicReader topic = new TopicReader(bootstrapServers, "recipient-preferences")) {
            Contract.RECIPIENT_PREFERENCE_CHANGED
                    .assertValid(topic.read(r -> r.value().contains(phone), 1, BOUND).get(0).value());
        }
    }

    private void inbound(String from, String body) {
        TwilioRequests.postSigned(inboundUrl, TwilioRequests.inbound(from, body)).then().statusCode(200);
    }
}
