package io.aftercare.notification.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.CloudEventWriter;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.notification.SchedulingSessionsTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Clinics' keys are checked at scheduling and the answer remembered; a revocation announced on
 * {@code credential-revocations} is obeyed within 2 s, long before the remembered answer would expire.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SchedulingSessionsTestResource.class, scope = TestResourceScope.GLOBAL)
class ForwardedClinicAuthenticationTest {

    private static final Duration REVOCATION_BOUND = Duration.ofSeconds(2);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aRevokedKeyIsRefusedWithinTwoSecondsOfItsAnnouncement() throws Exception {
        String clinic = "revoked-" + UUID.randomUUID().toString().substring(0, 8);
        String key = SchedulingSessionsTestResource.apiKey(clinic);
        inbox(clinic, key, 200);
        // Scheduling refuses it now; the check above is remembered, so only the announcement can stop it here.
        SchedulingSessionsTestResource.revoke(clinic);
        inbox(clinic, key, 200);

        Instant announced = Instant.now();
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("credential-revocations", clinic, "revoked:" + clinic, "io.aftercare.credential.revoked.v1",
                    """
                            {"clinicId": "%s", "keyId": "%s", "revokedAt": "%s"}
                            """.formatted(clinic, SchedulingSessionsTestResource.keyId(clinic), announced));
        }
        while (given().auth().preemptive().basic(clinic, key).get("/v1/clinics/" + clinic + "/inbox")
                .statusCode() == 200) {
            assertThat(Duration.between(announced, Instant.now())).isLessThan(REVOCATION_BOUND);
            Thread.sleep(50);
        }
        inbox(clinic, key, 401);
    }

    @Test
    void aWrongKeyIsAskedOfSchedulingOnceAndThenRefusedFromMemory() {
        String clinic = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        String wrong = "ak_0000000000000000_wrong";
        for (int i = 0; i < 5; i++) {
            inbox(clinic, wrong, 401);
        }
        assertThat(SchedulingSessionsTestResource.checks(clinic)).isEqualTo(1);
        // The right key is its own question, and a success.
        inbox(clinic, SchedulingSessionsTestResource.apiKey(clinic), 200);
        assertThat(SchedulingSessionsTestResource.checks(clinic)).isEqualTo(2);
    }

    /** The operator's password is checked here, by OperatorLogin: scheduling is never asked. */
    @Test
    void theOperatorSignsInHereWithoutAskingScheduling() {
        given().auth().preemptive().basic("operator", "operator").get("/v1/ops/unrouted-replies").then()
                .statusCode(200);
        given().auth().preemptive().basic("operator", "operatorX").get("/v1/ops/unrouted-replies").then()
                .statusCode(401);
        given().auth().preemptive().basic("operator", "").get("/v1/ops/unrouted-replies").then().statusCode(401);
        assertThat(SchedulingSessionsTestResource.checks("operator")).isZero();
    }

    private static void inbox(String clinic, String key, int status) {
        given().auth().preemptive().basic(clinic, key).get("/v1/clinics/" + clinic + "/inbox").then()
                .statusCode(status);
    }
}
