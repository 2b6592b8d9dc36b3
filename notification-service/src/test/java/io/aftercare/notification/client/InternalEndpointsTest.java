package io.aftercare.notification.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.notification.ClinicProfiles;
import io.aftercare.notification.SchedulingSessionsTestResource;
import io.aftercare.notification.StoredWebhookMessages;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Endpoints that point inward, refused when called: the profile arrives from Kafka (scheduling refuses these at save
 * time, but a name can come to resolve inward later, and a profile event is not proof of anything), and a real
 * receiver listens on this machine's loopback at the port named, so that a call made would be seen. {@code localhost}
 * is the name that resolves to 127.0.0.1.
 */
@QuarkusTest
@TestProfile(LoopbackRefused.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SchedulingSessionsTestResource.class, scope = TestResourceScope.GLOBAL)
class InternalEndpointsTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static WebhookReceiver receiver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ClinicProfiles profiles;

    @Inject
    StoredWebhookMessages stored;

    @BeforeAll
    static void startTheReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopTheReceiver() {
        receiver.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "127.0.0.2", "[::1]", "0.0.0.0", "[::]", "[::ffff:127.0.0.1]",
            "[::ffff:7f00:1]", "2130706433", "0x7f000001", "0177.0.0.1", "169.254.169.254", "[fe80::1]",
            "10.0.0.1", "172.16.0.1", "192.168.0.1", "100.64.0.1", "[fd00::1]", "224.0.0.1", "[ff02::1]"})
    void anInternalEndpointIsRefusedWhenCalled(String host) {
        String clinic = "hooks-inward-" + System.nanoTime();
        String path = "/" + clinic;
        String url = "http://" + host + ":" + receiver.port() + path;
        ClinicProfiles.publish(bootstrapServers, clinic, 1,
                ClinicProfiles.profile(clinic, 1, "Clinica " + clinic, url, "\"patient.replied\""));
        await().atMost(BOUND).pollInSameThread().until(() -> profiles.stored(clinic).orElse(null), Objects::nonNull);
        assertThat(stored.replied(clinic, "inward")).isEqualTo(1);

        JsonPath page = await().atMost(BOUND).pollInSameThread().until(() -> {
            JsonPath list = OutboundWebhooksTest.asClinic(clinic)
                    .get(OutboundWebhooksTest.messagesOf(clinic))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            return list.getList("items[0].attempts").isEmpty() ? null : list;
        }, Objects::nonNull);

        assertThat(page.getString("items[0].attempts[0].statusCode")).isNull();
        assertThat(page.getString("items[0].attempts[0].error"))
                .isEqualTo("refused: the address is not allowed for outbound calls");
        assertThat(page.getLong("items[0].attempts[0].durationMs")).isLessThan(1_000);
        assertThat(receiver.receivedAt(path)).isEmpty();
    }
}
