package io.aftercare.scheduling.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.contracts.Contract;
import io.aftercare.events.CredentialRevoked;
import io.aftercare.events.NotificationStatus;
import io.aftercare.events.PatientReplied;
import io.aftercare.events.PatientReplyHandled;
import io.aftercare.events.ProtocolPublished;
import io.aftercare.events.RecipientPreferenceChanged;
import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.TopicReader;
import io.aftercare.messaging.secrets.SecretBox;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.aftercare.scheduling.client.GuidancePlan;
import io.aftercare.scheduling.security.ClinicSecrets;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What scheduling publishes keeps to its schema, and scheduling reads every field it declares from each contract's
 * example, with the mapper its Kafka deserializers and REST client use.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class EventContractsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    SecretBox box;

    @Test
    void theRemindersItPublishesKeepToTheReminderDueContract() {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String bookingId = Clinics.as("clinic-p")
                .body(BookingFixtures.booking(end.minusMinutes(45), end, "booked"))
                .put("/v1/clinics/clinic-p/bookings/" + BookingFixtures.uniqueId("contract"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        try (TopicReader topic = new TopicReader(bootstrapServers, "reminders-due")) {
            var published = topic.read(r -> r.value().contains(bookingId), 1, Duration.ofSeconds(20));
            assertThat(published).hasSize(1);
            Contract.REMINDER_DUE.assertValid(published.get(0).value());
        }
    }

    @Test
    void theClinicProfileItPublishesIsWholeAndKeepsToItsContract() throws Exception {
        String clinic = "clinic-pc-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        Clinics.operator().contentType(io.restassured.http.ContentType.JSON)
                .body(Clinics.FULL_PROFILE)
                .put("/v1/admin/clinics/" + clinic)
                .then()
                .statusCode(201);

        try (TopicReader topic = new TopicReader(bootstrapServers, "clinic-profiles")) {
            var published = topic.read(r -> clinic.equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(published).hasSize(1);
            Contract.CLINIC_PROFILE.assertValid(published.get(0).value());
            // The copy kept by the others is the whole profile, secret included, since they sign the clinic's webhooks;
            // but sealed for them, never in the clear on the wire.
            String value = published.get(0).value();
            assertThat(value).contains("\"version\":1", "\"sendWindow\"", "\"healthcare-exemption\"",
                    "\"reply.urgent\"").doesNotContain("whsec_", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            String sealed = json.readTree(value).at("/webhooks/0/secret").asText();
            assertThat(box.open(sealed, ClinicSecrets.onTopic(clinic)))
                    .isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            // Bound to this clinic: the same value in another clinic's event does not open.
            org.assertj.core.api.Assertions
                    .assertThatThrownBy(() -> box.open(sealed, ClinicSecrets.onTopic("clinic-x")))
                    .isInstanceOf(SecretBox.SecretRefused.class);
        }
    }

    @Test
    void itReadsEveryFieldItDeclaresFromTheEventsItConsumesAndFromThePlan() {
        assertThat(Contract.NOTIFICATION_STATUS.readFully(json, NotificationStatus.class).status()).isEqualTo("failed");
        assertThat(Contract.RECIPIENT_PREFERENCE_CHANGED.readFully(json, RecipientPreferenceChanged.class).optedOut())
                .isTrue();
        assertThat(Contract.PROTOCOL_PUBLISHED.readFully(json, ProtocolPublished.class).version()).isEqualTo(4);
        assertThat(Contract.PATIENT_REPLIED.readFully(json, PatientReplied.class).checkInScore()).isEqualTo(4);
        assertThat(Contract.REPLY_HANDLED.readFully(json, PatientReplyHandled.class).urgent()).isTrue();
        assertThat(Contract.GUIDANCE_PLAN.readFully(json, GuidancePlan.class).reminders()).hasSize(1);
        assertThat(Contract.RECIPIENT_PREFERENCE_CHANGED.readFully(json, RecipientPreferenceChanged.class).sender())
                .isEqualTo("+34600111222");
        assertThat(Contract.CREDENTIAL_REVOKED.readFully(json, CredentialRevoked.class).keyId())
                .isEqualTo("3f9c2a1b7d4e6f80");
    }

    @Test
    void theRevocationItPublishesKeepsToItsContract() {
        String clinic = "clinic-rc-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String keyId = Clinics.issueKey(clinic).split("_", 3)[1];
        Clinics.operator().delete("/v1/admin/clinics/" + clinic + "/credentials/" + keyId).then().statusCode(204);
        try (TopicReader revocations = new TopicReader(
                bootstrapServers, "credential-revocations")) {
            Contract.CREDENTIAL_REVOKED.assertValid(revocations.read(r -> r.value().contains(keyId), 1,
                    java.time.Duration.ofSeconds(10)).get(0).value());
        }
    }
}
