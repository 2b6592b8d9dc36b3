package io.aftercare.notification.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

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
import io.restassured.path.json.JsonPath;

/**
 * Webhooks under the outbound policy, against receivers on this machine (the test profile allows loopback): a
 * receiver that answers a byte a second holds up only its own clinic; a redirect is an answer, not a place to go; an
 * answer over 64 KiB is cut off. What the clinic reads of each attempt says "refused" or "timed out", nothing more.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SchedulingSessionsTestResource.class, scope = TestResourceScope.GLOBAL)
class OutboundWebhooksTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String REPLIED = "\"patient.replied\"";

    private static WebhookReceiver receiver;
    private static TricklingReceiver trickler;
    private static HttpServer oddities;
    private static final AtomicInteger redirectTargetHits = new AtomicInteger();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "aftercare.webhooks.timeout")
    Duration timeout;

    @Inject
    ClinicProfiles profiles;

    @Inject
    StoredWebhookMessages stored;

    @BeforeAll
    static void startTheClinicsSystems() throws IOException {
        receiver = WebhookReceiver.start();
        trickler = TricklingReceiver.start();
        oddities = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        oddities.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + oddities.getAddress().getPort()
                    + "/target");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        oddities.createContext("/target", exchange -> {
            redirectTargetHits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        oddities.createContext("/large", exchange -> {
            byte[] mebibyte = new byte[1 << 20];
            exchange.sendResponseHeaders(200, mebibyte.length);
            try (var out = exchange.getResponseBody()) {
                out.write(mebibyte);
            } catch (IOException cutOff) {
                // the sender stopped reading at its cap
            }
            exchange.close();
        });
        oddities.start();
    }

    @AfterAll
    static void stopTheClinicsSystems() throws IOException {
        receiver.close();
        trickler.close();
        oddities.stop(0);
    }

    @Test
    void aTricklingReceiverDelaysNoOtherClinicsWebhook() throws InterruptedException {
        String slow = "hooks-slow-" + System.nanoTime();
        String fast = "hooks-fast-" + System.nanoTime();
        subscribe(slow, trickler.url("/" + slow));
        subscribe(fast, receiver.url("/" + fast));
        for (int i = 0; i < 6; i++) {
            assertThat(stored.replied(slow, "slow " + i)).isEqualTo(1);
        }
        await("the trickling receiver holding its clinic's calls").atMost(BOUND).pollInSameThread()
                .until(() -> trickler.requests() >= 4);

        long enqueued = System.nanoTime();
        assertThat(stored.replied(fast, "fast")).isEqualTo(1);
        while (receiver.receivedAt("/" + fast).isEmpty()
                && System.nanoTime() - enqueued < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(10);
        }
        long tookMs = (System.nanoTime() - enqueued) / 1_000_000;

        assertThat(receiver.receivedAt("/" + fast)).hasSize(1);
        assertThat(tookMs).as("the other clinic's webhook, behind a trickling receiver").isLessThan(1_000);

        // The slow clinic's attempts end at the timeout, and say so without detail.
        JsonPath page = await().atMost(BOUND).pollInSameThread().until(() -> {
            JsonPath list = asClinic(slow).get(messagesOf(slow)).then().statusCode(200).extract().jsonPath();
            List<String> errors = list.getList("items.attempts.flatten().error", String.class);
            return errors.size() >= 6 ? list : null;
        }, Objects::nonNull);
        assertThat(page.getList("items.attempts.flatten().error", String.class))
                .allSatisfy(error -> assertThat(error).isEqualTo("timed out after " + timeout.toMillis() + " ms"));
        assertThat(page.getList("items.attempts.flatten().durationMs", Long.class))
                .allSatisfy(ms -> assertThat(ms).isBetween(timeout.toMillis() - 100, timeout.toMillis() + 1_500));
    }

    @Test
    void aRedirectIsNotFollowed() {
        String clinic = "hooks-moved-" + System.nanoTime();
        subscribe(clinic, "http://localhost:" + oddities.getAddress().getPort() + "/moved");
        stored.replied(clinic, "moved");

        JsonPath page = firstAttempt(clinic);

        assertThat(page.getInt("items[0].attempts[0].statusCode")).isEqualTo(307);
        assertThat(redirectTargetHits).hasValue(0);
    }

    @Test
    void anAnswerOverTheCapIsCutOffAndRefused() {
        String clinic = "hooks-large-" + System.nanoTime();
        subscribe(clinic, "http://localhost:" + oddities.getAddress().getPort() + "/large");
        stored.replied(clinic, "large");

        JsonPath page = firstAttempt(clinic);

        assertThat(page.getString("items[0].attempts[0].statusCode")).isNull();
        assertThat(page.getString("items[0].attempts[0].error"))
                .isEqualTo("refused: the answer is larger than 64 KiB");
    }

    private JsonPath firstAttempt(String clinic) {
        return await().atMost(BOUND).pollInSameThread().until(() -> {
            JsonPath list = asClinic(clinic).get(messagesOf(clinic)).then().statusCode(200).extract().jsonPath();
            return list.getList("items[0].attempts").isEmpty() ? null : list;
        }, Objects::nonNull);
    }

    private void subscribe(String clinic, String url) {
        ClinicProfiles.publish(bootstrapServers, clinic, 1,
                ClinicProfiles.profile(clinic, 1, "Clinica " + clinic, url, REPLIED));
        await().atMost(BOUND).pollInSameThread().until(() -> profiles.stored(clinic).orElse(null), Objects::nonNull);
    }

    static String messagesOf(String clinic) {
        return "/v1/clinics/" + clinic + "/webhook-messages";
    }

    static io.restassured.specification.RequestSpecification asClinic(String clinic) {
        return given().auth().preemptive().basic(clinic, SchedulingSessionsTestResource.apiKey(clinic));
    }

}
