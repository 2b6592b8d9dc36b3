package io.aftercare.notification.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.events.ClinicProfileChanged;
import io.aftercare.localstack.BrokerUser;
import io.aftercare.localstack.testing.CloudEventWriter;
import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.RawFiles;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.localstack.testing.TopicReader;
import io.aftercare.notification.ClinicProfiles;
import io.aftercare.notification.Deliveries;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.NotificationFixtures;
import io.aftercare.notification.NotificationFixtures.Event;
import io.aftercare.notification.SchedulingSessionsTestResource;
import io.aftercare.notification.TwilioRequests;
import io.aftercare.notification.repository.ClinicProfileRepository.StoredProfile;
import io.aftercare.notification.security.WebhookSecrets;
import io.aftercare.notification.service.StoredWebhookSecretsSealer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The copy of each clinic's profile, from the clinic-profiles topic as scheduling publishes it. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SchedulingSessionsTestResource.class, scope = TestResourceScope.GLOBAL)
class ClinicProfileConsumerTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "aftercare.twilio.base-url")
    String twilioUrl;

    @TestHTTPResource("/v1/webhooks/twilio/inbound")
    String inboundUrl;

    @Inject
    ClinicProfiles profiles;

    @Inject
    Deliveries deliveries;

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    WebhookSecrets webhookSecrets;

    @Inject
    StoredWebhookSecretsSealer sealer;

    @ConfigProperty(name = KafkaTestResource.LOG_DIRECTORY)
    java.nio.file.Path kafkaLogs;

    @ConfigProperty(name = PostgresTestResource.DATA_DIRECTORY)
    java.nio.file.Path postgresData;

    @Test
    void anOlderOrEqualVersionDoesNotReplaceTheCopyAndAnUnreadableOneIsParked() {
        String clinic = "profile-" + System.nanoTime();
        publish(clinic, 2, "Second");
        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> profiles.stored(clinic).orElse(null), Objects::nonNull).name()).isEqualTo("Second");

        publish(clinic, 1, "First");
        publish(clinic, 2, "Replayed");
        // Same key, same partition: once the unreadable one behind them is parked, the two before it were handled.
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("clinic-profiles", clinic, clinic + ":broken", ClinicProfileChanged.TYPE,
                    "{\"clinicId\": \"" + clinic + "\", \"version\": \"three\"");
        }
        try (TopicReader dlt = new TopicReader(bootstrapServers, "clinic-profiles-dlt")) {
            List<ConsumerRecord<String, String>> parked = dlt.read(r -> clinic.equals(r.key()), 1, BOUND);
            assertThat(parked).hasSize(1);
        }
        StoredProfile kept = profiles.stored(clinic).orElseThrow();
        assertThat(kept.version()).isEqualTo(2);
        assertThat(kept.name()).isEqualTo("Second");

        publish(clinic, 3, "Third");
        StoredProfile third = await().atMost(BOUND).pollInSameThread()
                .until(() -> profiles.stored(clinic).filter(p -> p.version() == 3).orElse(null), Objects::nonNull);
        assertThat(third.name()).isEqualTo("Third");
        assertThat(third.endpointIds()).containsExactly("ep-1");
        assertThat(third.helpTexts()).containsKey("es");
    }

    @Test
    void theClinicsMessagesGoFromItsOwnSendersAndHelpIsAnsweredWithItsOwnText() throws Exception {
        String clinic = "profile-help-" + System.nanoTime();
        publish(clinic, 1, "Clinica Luna");
        await().atMost(BOUND).pollInSameThread().until(() -> profiles.stored(clinic).orElse(null), Objects::nonNull);
        String phone = NotificationFixtures.phone();
        Event event = NotificationFixtures.forBooking(phone, clinic, UUID.randomUUID(), "sun", "es");
        NotificationFixtures.publish(bootstrapServers, event);
        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> deliveries.settled(event.reminderId().toString()), Objects::nonNull).status)
                .isEqualTo(DeliveryStatus.SENT);
        // From the profile's sender, not the deployment's.
        assertThat(new io.aftercare.localstack.testing.FakeTwilioClient(twilioUrl).requestsTo(phone)).singleElement()
                .satisfies(text -> assertThat(text.get("From")).isEqualTo(ClinicProfiles.SMS_SENDER));

        // An email of the clinic's goes from its own address.
        String address = "ana-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Event email = NotificationFixtures.event(null, address, false, true, "email", "es",
                io.aftercare.localstack.MiddayZone.now(), "normal", java.time.Instant.now().plusSeconds(6 * 3600));
        NotificationFixtures.publish(bootstrapServers,
                new Event(email.reminderId(), email.json().replace("\"clinic-n\"", "\"" + clinic + "\"")));
        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> deliveries.settled(email.reminderId().toString()), Objects::nonNull).status)
                .isEqualTo(DeliveryStatus.SENT);
        jakarta.mail.internet.MimeMessage sent = await().atMost(BOUND).pollInSameThread()
                .until(() -> io.aftercare.localstack.testing.SharedTestInfrastructure.smtp()
                        .receivedBy(address)
                        .stream()
                        .findFirst()
                        .orElse(null), Objects::nonNull);
        assertThat(sent.getFrom()[0].toString()).isEqualTo("cuidados@example.es");

        TwilioRequests.postSigned(inboundUrl, TwilioRequests.inbound(phone, ClinicProfiles.SMS_SENDER, null, "AYUDA"))
                .then()
                .statusCode(200)
                .body(containsString("<Message>Clinica Luna: llamanos al +34912345678."));
        // No text of its own in English: the deployment's.
        TwilioRequests.postSigned(inboundUrl, TwilioRequests.inbound(NotificationFixtures.phone(), "HELP"))
                .then()
                .statusCode(200)
                .body(containsString("<Message>Aftercare reminders from your clinic."));
    }

    @Test
    void aProfileFromAnotherSourceIsRefusedAndParkedWithTheReason() {
        String clinic = "profile-forged-" + System.nanoTime();
        publish(clinic, 1, "Real");
        await().atMost(BOUND).pollInSameThread().until(() -> profiles.stored(clinic).orElse(null), Objects::nonNull);

        ClinicProfiles.publishFrom("/attacker/laptop", bootstrapServers, clinic, 2, ClinicProfiles.profile(clinic, 2,
                "Forged", "https://attacker.example/hooks", "\"reply.urgent\""));

        assertThat(parkedReason(clinic)).contains("version 2 refused", "/attacker/laptop",
                "/aftercare/scheduling-service");
        assertThat(profiles.stored(clinic).orElseThrow().name()).isEqualTo("Real");
    }

    @Test
    void theBrokerRefusesAProfileWrittenAsNotificationOrWithoutSigningIn() {
        String clinic = "profile-acl-" + System.nanoTime();
        publish(clinic, 1, "Real");
        await().atMost(BOUND).pollInSameThread().until(() -> profiles.stored(clinic).orElse(null), Objects::nonNull);
        String forged = ClinicProfiles.profile(clinic, 2, "Forged", "https://attacker.example/hooks",
                "\"reply.urgent\"");

        // This service's own broker user, as a compromised notification would use it: the ACLs refuse the write.
        try (CloudEventWriter asNotification = new CloudEventWriter(bootstrapServers, BrokerUser.NOTIFICATION)) {
            assertThatThrownBy(() -> asNotification.send("clinic-profiles", clinic, clinic + ":2",
                    ClinicProfileChanged.TYPE, forged, "/aftercare/scheduling-service"))
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
        // A neighbour on the network who does not sign in is not let in at all.
        Map<String, Object> anonymous = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(anonymous, new StringSerializer(),
                new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("clinic-profiles", clinic, forged)).get())
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
        publish(clinic, 3, "Later");
        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> profiles.stored(clinic).filter(p -> p.version() == 3).orElse(null), Objects::nonNull)
                .name()).as("only scheduling's profiles were kept").isEqualTo("Later");
    }

    @Test
    void aVersionThatJumpsIsRefusedAndParkedAndTheNextRealOneIsStillKept() {
        String clinic = "profile-jump-" + System.nanoTime();
        publish(clinic, 1, "Real");
        await().atMost(BOUND).pollInSameThread().until(() -> profiles.stored(clinic).orElse(null), Objects::nonNull);

        publish(clinic, 1_000_000_000L, "Frozen");
        assertThat(parkedReason(clinic)).contains("version 1000000000 refused", "jumps from the copy's 1");
        assertThat(profiles.stored(clinic).orElseThrow().version()).isEqualTo(1);

        // Had it been kept, every real profile after it would look older and change nothing.
        publish(clinic, 2, "Second");
        assertThat(await().atMost(BOUND).pollInSameThread()
                .until(() -> profiles.stored(clinic).filter(p -> p.version() == 2).orElse(null), Objects::nonNull)
                .name()).isEqualTo("Second");
        // A version beyond anything scheduling writes is refused even as a first copy.
        String fresh = "profile-huge-" + System.nanoTime();
        publish(fresh, 1L << 40, "Huge");
        assertThat(parkedReason(fresh)).contains("beyond any scheduling writes");
        assertThat(profiles.stored(fresh)).isEmpty();
    }

    @Test
    void aWebhookSecretInTheClearOrSealedForAnotherClinicIsRefused() {
        String clinic = "profile-unsealed-" + System.nanoTime();
        ClinicProfiles.publish(bootstrapServers, clinic, 1, ClinicProfiles.profile(clinic, 1, "Plain",
                "https://attacker.example/hooks", "\"reply.urgent\"", ClinicProfiles.SECRET));
        assertThat(parkedReason(clinic)).contains("a webhook secret does not open", "not sealed")
                .doesNotContain(ClinicProfiles.SECRET);

        // A sealed value lifted from another clinic's event does not open for this one.
        String other = "profile-lifted-" + System.nanoTime();
        ClinicProfiles.publish(bootstrapServers, other, 1, ClinicProfiles.profile(other, 1, "Lifted",
                "https://attacker.example/hooks", "\"reply.urgent\"", ClinicProfiles.sealed("clinic-a", "whsec_x")));
        assertThat(parkedReason(other)).contains("does not open");
        assertThat(profiles.stored(clinic)).isEmpty();
        assertThat(profiles.stored(other)).isEmpty();
    }

    @Test
    void theCopysWebhookSecretIsInNoFileOfTheDatabaseOrTheBroker() throws Exception {
        String clinic = "profile-at-rest-" + System.nanoTime();
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(random);
        ClinicProfiles.publish(bootstrapServers, clinic, 1, ClinicProfiles.profile(clinic, 1, "Sealed",
                "https://ehr.example.es/hooks", "\"delivery.failed\"", ClinicProfiles.sealed(clinic, secret)));
        await().atMost(BOUND).pollInSameThread().until(() -> profiles.stored(clinic).orElse(null), Objects::nonNull);

        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.PreparedStatement select = connection
                        .prepareStatement("SELECT secret FROM clinic_webhook_endpoint WHERE clinic_id = ?")) {
            select.setString(1, clinic);
            try (java.sql.ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).startsWith("v1:dev:").doesNotContain(secret);
                // Sealed for this database, not the topic's value kept as it came.
                assertThat(webhookSecrets.open(clinic, row.getString(1))).isEqualTo(secret);
            }
            try (java.sql.Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT");
            }
        }
        // One read of each directory for all three values, not one per value: most of this test was reading files.
        String unprefixed = secret.substring("whsec_".length());
        Map<String, List<java.nio.file.Path>> inPostgres = RawFiles.containingEach(postgresData, clinic, secret,
                unprefixed);
        Map<String, List<java.nio.file.Path>> inKafka = RawFiles.containingEach(kafkaLogs, clinic, secret, unprefixed);
        for (String value : new String[]{secret, unprefixed}) {
            assertThat(inPostgres.get(value)).as("PostgreSQL files holding it").isEmpty();
            assertThat(inKafka.get(value)).as("Kafka files holding it").isEmpty();
        }
        assertThat(inPostgres.get(clinic)).isNotEmpty();
        assertThat(inKafka.get(clinic)).isNotEmpty();
    }

    @Test
    void secretsStoredInTheClearBeforeAreSealedAtStartAndStillSign() throws Exception {
        String clinic = "profile-plain-row-" + System.nanoTime();
        publish(clinic, 1, "Old");
        await().atMost(BOUND).pollInSameThread().until(() -> profiles.stored(clinic).orElse(null), Objects::nonNull);
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.PreparedStatement update = connection
                        .prepareStatement("UPDATE clinic_webhook_endpoint SET secret = ? WHERE clinic_id = ?")) {
            update.setString(1, ClinicProfiles.SECRET);
            update.setString(2, clinic);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(sealer::sealAll))
                .isGreaterThanOrEqualTo(1);

        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.PreparedStatement select = connection
                        .prepareStatement("SELECT secret FROM clinic_webhook_endpoint WHERE clinic_id = ?")) {
            select.setString(1, clinic);
            try (java.sql.ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).startsWith("v1:");
                assertThat(webhookSecrets.open(clinic, row.getString(1))).isEqualTo(ClinicProfiles.SECRET);
            }
        }
    }

    /** The reason the clinic's one parked profile event was parked with. */
    private String parkedReason(String clinic) {
        try (TopicReader dlt = new TopicReader(bootstrapServers, "clinic-profiles-dlt")) {
            List<ConsumerRecord<String, String>> parked = dlt.read(r -> clinic.equals(r.key()), 1, BOUND);
            assertThat(parked).hasSize(1);
            org.apache.kafka.common.header.Header reason = parked.get(0).headers().lastHeader("dead-letter-reason");
            assertThat(reason).as("the dead-letter reason header").isNotNull();
            return new String(reason.value(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void publish(String clinic, long version, String name) {
        ClinicProfiles.publish(bootstrapServers, clinic, version,
                ClinicProfiles.profile(clinic, version, name, "https://ehr.example.es/hooks", "\"delivery.failed\""));
    }
}
