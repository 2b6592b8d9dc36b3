package io.aftercare.notification.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.aftercare.events.ClinicProfileChanged;
import io.aftercare.localstack.testing.CloudEventWriter;
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
    private static final List<String> HOSTS = List.of("localhost", "127.0.0.1", "127.0.0.2", "[::1]", "0.0.0.0", "[::]",
            "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "2130706433", "0x7f000001", "0177.0.0.1", "169.254.169.254",
            "[fe80::1]", "10.0.0.1", "172.16.0.1", "192.168.0.1", "100.64.0.1", "[fd00::1]", "224.0.0.1", "[ff02::1]");
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

    /**
     * Every host at once, as separate clinics: each address waits for its own profile and first attempt, and these
     * overlap (one at a time, the twenty took about 24 s of the build, a second each of waiting on the consumer and the
     * sender's poll). Each host's result is checked and reported on its own.
     */
    @Test
    void anInternalEndpointIsRefusedWhenCalled() {
        Map<String, String> clinicByHost = new LinkedHashMap<>();
        long run = System.nanoTime();
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            for (String host : HOSTS) {
                String clinic = "hooks-inward-" + run + "-" + clinicByHost.size();
                clinicByHost.put(host, clinic);
                String url = "http://" + host + ":" + receiver.port() + "/" + clinic;
                writer.send("clinic-profiles", clinic, clinic + ":1", ClinicProfileChanged.TYPE,
                        ClinicProfiles.profile(clinic, 1, "Clinica " + clinic, url, "\"patient.replied\""),
                        ClinicProfiles.SCHEDULING);
            }
        }
        for (String clinic : clinicByHost.values()) {
            await().atMost(BOUND).pollInSameThread().until(() -> profiles.stored(clinic).orElse(null),
                    Objects::nonNull);
            assertThat(stored.replied(clinic, "inward")).isEqualTo(1);
        }

        SoftAssertions each = new SoftAssertions();
        clinicByHost.forEach((host, clinic) -> {
            JsonPath page = await(host).atMost(BOUND).pollInSameThread().until(() -> {
                JsonPath list = OutboundWebhooksTest.asClinic(clinic)
                        .get(OutboundWebhooksTest.messagesOf(clinic))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                return list.getList("items[0].attempts").isEmpty() ? null : list;
            }, Objects::nonNull);
            each.assertThat(page.getString("items[0].attempts[0].statusCode")).as(host).isNull();
            each.assertThat(page.getString("items[0].attempts[0].error")).as(host)
                    .isEqualTo("refused: the address is not allowed for outbound calls");
            each.assertThat(page.getLong("items[0].attempts[0].durationMs")).as(host).isLessThan(1_000);
            each.assertThat(receiver.receivedAt("/" + clinic)).as(host).isEmpty();
        });
        each.assertAll();
    }
}
