package io.aftercare.scheduling.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.CloudEventWriter;
import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.TopicReader;
import io.aftercare.scheduling.Clinics;
import io.aftercare.scheduling.repository.ClinicCredentials;
import io.aftercare.scheduling.repository.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Signing in as an attacker would: guessing is throttled per account and per source address, made-up key ids cannot
 * push real keys out of memory, and a revocation reaches every instance at once. Each test signs in from addresses of
 * its own (documentation ranges, through {@code X-Forwarded-For}, which the test profile trusts), so that the
 * throttle it provokes does not refuse the other tests' requests from 127.0.0.1.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class SignInTest {

    private static final Duration REVOCATION_BOUND = Duration.ofSeconds(2);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Jdbc jdbc;

    @Inject
    ClinicCredentials credentials;

    @Test
    void threeHundredWrongKeysForOneAccountEndIn429FromAnyAddress() {
        String account = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        int refusedAt = -1;
        Response refused = null;
        for (int i = 0; i < 300 && refusedAt < 0; i++) {
            // From a new address each time: only the account's own count can stop this.
            Response answer = session(account, "ak_" + "%016x".formatted(i) + "_wrong", address());
            if (answer.statusCode() == 429) {
                refusedAt = i;
                refused = answer;
            } else {
                assertThat(answer.statusCode()).isEqualTo(401);
            }
        }
        // aftercare.logins.failures-per-account: 10 a minute, one back every 6 s.
        assertThat(refusedAt).isBetween(10, 12);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        // Refused before its credentials are looked at: the real key of the account would be refused too.
        assertThat(session(account, "ak_ffffffffffffffff_other", address()).statusCode()).isEqualTo(429);
    }

    @Test
    void oneAddressGuessingManyAccountsIsRefusedAndOthersAreNot() {
        String address = address();
        int refusedAt = -1;
        for (int i = 0; i < 300 && refusedAt < 0; i++) {
            int status = session("spray-" + UUID.randomUUID().toString().substring(0, 8), "wrong", address)
                    .statusCode();
            if (status == 429) {
                refusedAt = i;
            }
        }
        // aftercare.logins.failures-per-address: 30 a minute.
        assertThat(refusedAt).isBetween(30, 33);
        // A clinic signing in from elsewhere is not concerned.
        String clinic = "signin-" + UUID.randomUUID().toString().substring(0, 8);
        String key = Clinics.issueKey(clinic);
        assertThat(session(clinic, key, address()).statusCode()).isEqualTo(204);
    }

    @Test
    void madeUpKeyIdsCannotPushARealKeyOutOfMemory() {
        String clinic = "evict-" + UUID.randomUUID().toString().substring(0, 8);
        String key = Clinics.issueKey(clinic);
        String keyId = key.split("_", 3)[1];
        StoredKeys keys = new StoredKeys(credentials, Duration.ofMinutes(5), 3);
        assertThat(keys.find(keyId)).hasValueSatisfying(k -> assertThat(k.clinicId()).isEqualTo(clinic));
        for (int i = 0; i < 100; i++) {
            assertThat(keys.find("%016x".formatted(ThreadLocalRandom.current().nextLong()))).isEmpty();
        }
        // Its row changes behind the cache's back: an answer that still names the old clinic came from memory.
        QuarkusTransaction.requiringNew().run(() -> jdbc
                .sql("UPDATE clinic_credential SET clinic_id = 'moved' WHERE key_id = :id")
                .set("id", keyId).update());
        assertThat(keys.find(keyId)).hasValueSatisfying(k -> assertThat(k.clinicId()).isEqualTo(clinic));
    }

    @Test
    void aRevocationThatLostARaceAnswersTheStoredTimeNotItsOwn() {
        String clinic = "race-" + UUID.randomUUID().toString().substring(0, 8);
        String keyId = Clinics.issueKey(clinic).split("_", 3)[1];
        Instant first = Instant.parse("2026-01-02T03:04:05Z");
        assertThat(QuarkusTransaction.requiringNew().call(() -> credentials.revoke(keyId, first))).isEqualTo(first);
        // The loser of two revocations changes no row, and answers with the winner's time.
        assertThat(QuarkusTransaction.requiringNew().call(() -> credentials.revoke(keyId, first.plusSeconds(60))))
                .isEqualTo(first);
        assertThat(credentials.find(keyId).orElseThrow().revokedAt()).isEqualTo(first);
    }

    @Test
    void aRevocationIsAnnouncedAndOneAnnouncedByAnotherInstanceIsObeyedWithinTwoSeconds() throws Exception {
        String clinic = "revoke-" + UUID.randomUUID().toString().substring(0, 8);
        String key = Clinics.issueKey(clinic);
        String keyId = key.split("_", 3)[1];
        String address = address();
        assertThat(session(clinic, key, address).statusCode()).isEqualTo(204);

        // Another instance revoked it: its row says so, but this instance remembers the key as good.
        Instant revokedAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> jdbc
                .sql("UPDATE clinic_credential SET revoked_at = :at WHERE key_id = :id")
                .set("at", revokedAt).set("id", keyId).update());
        assertThat(session(clinic, key, address).statusCode()).isEqualTo(204);
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("credential-revocations", clinic, "revoked:" + keyId, "io.aftercare.credential.revoked.v1",
                    """
                            {"clinicId": "%s", "keyId": "%s", "revokedAt": "%s"}
                            """.formatted(clinic, keyId, revokedAt));
        }
        while (session(clinic, key, address).statusCode() == 204) {
            assertThat(Duration.between(revokedAt, Instant.now())).isLessThan(REVOCATION_BOUND);
            Thread.sleep(50);
        }

        // A revocation here is announced, with the key's id and never its secret.
        String other = Clinics.issueKey(clinic);
        String otherId = other.split("_", 3)[1];
        Clinics.operator().delete("/v1/admin/clinics/" + clinic + "/credentials/" + otherId).then().statusCode(204);
        try (TopicReader revocations = new TopicReader(bootstrapServers, "credential-revocations")) {
            assertThat(revocations.read(r -> r.value().contains(otherId), 1, Duration.ofSeconds(10)))
                    .singleElement()
                    .satisfies(r -> assertThat(r.value()).contains(clinic).doesNotContain(other));
        }
    }

    private static Response session(String clinic, String secret, String address) {
        return given().header("X-Forwarded-For", address).auth().preemptive().basic(clinic, secret)
                .get("/v1/clinics/" + clinic + "/session");
    }

    /** An address of the documentation ranges that no other test uses. */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(100, 256) + "." + random.nextInt(1, 255);
    }
}
