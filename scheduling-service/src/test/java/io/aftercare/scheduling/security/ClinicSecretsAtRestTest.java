package io.aftercare.scheduling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.RawFiles;
import io.aftercare.localstack.testing.TopicReader;
import io.aftercare.messaging.secrets.SecretBox;
import io.aftercare.scheduling.Clinics;
import io.aftercare.scheduling.service.StoredSecretsSealer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A clinic's webhook secret and FHIR Authorization value are nowhere in the clear once saved and published: not in the
 * database's files, not in the broker's log segments. The raw bytes are searched, as someone with a copy of the disk
 * would, and the values are random per run, so an earlier run's leftovers cannot make the test pass or fail.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class ClinicSecretsAtRestTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = KafkaTestResource.LOG_DIRECTORY)
    Path kafkaLogs;

    @ConfigProperty(name = PostgresTestResource.DATA_DIRECTORY)
    Path postgresData;

    @Inject
    DataSource dataSource;

    @Inject
    SecretBox box;

    @Inject
    StoredSecretsSealer sealer;

    @Inject
    ObjectMapper json;

    @Test
    void aSavedAndPublishedSecretIsInNoFileOfTheDatabaseOrTheBroker() throws Exception {
        String clinic = "clinic-sealed-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "whsec_" + random(24);
        String bearer = "Bearer " + random(30).replace('+', 'a').replace('/', 'b');
        Clinics.operator().contentType(ContentType.JSON)
                .body(profile(secret, bearer))
                .put("/v1/admin/clinics/" + clinic)
                .then()
                .statusCode(201);

        String published;
        try (TopicReader topic = new TopicReader(bootstrapServers, "clinic-profiles")) {
            published = topic.read(r -> clinic.equals(r.key()), 1, Duration.ofSeconds(20)).get(0).value();
        }
        assertThat(published).doesNotContain(secret, secret.substring("whsec_".length()), bearer);
        // The event carries the secret sealed for its readers: it opens with the key they share.
        String sealed = json.readTree(published).at("/webhooks/0/secret").asText();
        assertThat(box.open(sealed, ClinicSecrets.onTopic(clinic))).isEqualTo(secret);

        // The row holds sealed values, and the service still reads them as they were written.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT CAST(webhooks AS text), fhir_authorization FROM clinic_profile WHERE clinic_id = ?")) {
            select.setString(1, clinic);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).doesNotContain(secret).contains("\"secret\": \"v1:dev:");
                assertThat(row.getString(2)).startsWith("v1:dev:").doesNotContain(bearer);
            }
            // Written out to the data files (the write-ahead log holds it already), so that those are what is searched.
            try (Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT");
            }
        }
        // Saving the same profile again is no change: the stored secrets compare as what they seal.
        Clinics.operator().contentType(ContentType.JSON)
                .body(profile(secret, bearer))
                .put("/v1/admin/clinics/" + clinic)
                .then()
                .statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(1));

        assertThat(RawFiles.size(postgresData)).isGreaterThan(1_000_000);
        assertThat(RawFiles.size(kafkaLogs)).isGreaterThan(0);
        // One read of each directory for all four values, not one per value: most of this test was reading files.
        String[] secrets = {secret, secret.substring("whsec_".length()), bearer};
        Map<String, List<Path>> inPostgres = RawFiles.containingEach(postgresData, clinic, secrets[0], secrets[1],
                secrets[2]);
        Map<String, List<Path>> inKafka = RawFiles.containingEach(kafkaLogs, clinic, secrets[0], secrets[1],
                secrets[2]);
        for (String value : secrets) {
            assertThat(inPostgres.get(value)).as("PostgreSQL files holding it").isEmpty();
            assertThat(inKafka.get(value)).as("Kafka files holding it").isEmpty();
        }
        // The search finds what is there: the clinic's id is in both, in the clear.
        assertThat(inKafka.get(clinic)).isNotEmpty();
        assertThat(inPostgres.get(clinic)).isNotEmpty();
    }

    @Test
    void profilesStoredBeforeSecretsWereSealedAreSealedAtStartAndStillRead() throws Exception {
        String clinic = "clinic-plain-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "whsec_" + random(24);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO clinic_profile (clinic_id, name, time_zone, locale, phone, version, updated_at,
                                                    webhooks, fhir_base_url, fhir_authorization)
                        VALUES (?, 'Old', 'Europe/Madrid', 'es', '+34912345678', 4, now(), CAST(? AS jsonb),
                                'https://fhir.example.es/r4', 'Bearer plain-old-token')
                        """)) {
            insert.setString(1, clinic);
            insert.setString(2, "[{\"id\": \"ep_1\", \"url\": \"https://ehr.example.es/h\", \"secret\": \"" + secret
                    + "\", \"events\": [\"delivery.failed\"]}]");
            insert.executeUpdate();
            try (Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT");
            }
        }
        // A secret in the clear is found by the same search the test above relies on.
        assertThat(RawFiles.containing(postgresData, secret)).isNotEmpty();

        assertThat(QuarkusTransaction.requiringNew().call(sealer::sealAll)).isGreaterThanOrEqualTo(1);

        JsonNode webhooks;
        String fhir;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT CAST(webhooks AS text), fhir_authorization, version FROM clinic_profile WHERE clinic_id = ?")) {
            select.setString(1, clinic);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                webhooks = json.readTree(row.getString(1));
                fhir = row.getString(2);
                // Sealing is not a change of the profile: nothing to publish, no version.
                assertThat(row.getInt(3)).isEqualTo(4);
            }
        }
        assertThat(webhooks.toString()).doesNotContain(secret);
        assertThat(box.open(webhooks.at("/0/secret").asText(), ClinicSecrets.webhooksAtRest(clinic))).isEqualTo(secret);
        assertThat(box.open(fhir, ClinicSecrets.fhirAtRest(clinic))).isEqualTo("Bearer plain-old-token");
        // Run again, nothing is sealed twice.
        QuarkusTransaction.requiringNew().call(sealer::sealAll);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT fhir_authorization FROM clinic_profile WHERE clinic_id = ?")) {
            select.setString(1, clinic);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo(fhir);
            }
        }
    }

    private static String profile(String secret, String bearer) {
        return """
                {"name": "Clinica Sellada", "timeZone": "Europe/Madrid", "locale": "es", "phone": "+34912345678",
                 "webhooks": [{"url": "https://ehr.example.es/hooks", "secret": "%s", "events": ["reply.urgent"]}],
                 "fhirServer": {"baseUrl": "https://fhir.example.es/r4", "authorization": "%s"}}
                """.formatted(secret, bearer);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }
}
