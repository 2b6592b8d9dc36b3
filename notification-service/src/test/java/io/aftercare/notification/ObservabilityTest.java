package io.aftercare.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Objects;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
class ObservabilityTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Deliveries deliveries;

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        // Ready only once the consumers have joined their groups, which can take a few seconds after start.
        await("readiness").atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"))
                .body("checks.name", hasItem("Kafka consumer groups joined"));
    }

    @Test
    void notificationsAndProviderCallsAreCounted() {
        NotificationFixtures.Event event = NotificationFixtures.smsEvent(NotificationFixtures.phone());
        NotificationFixtures.publish(bootstrapServers, event);
        await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> deliveries.settled(event.reminderId().toString()), Objects::nonNull);

        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("aftercare_notifications_total{channel=\"sms\",outcome=\"sent\"}"))
                .body(containsString("aftercare_provider_requests_seconds_count{outcome=\"sent\",provider=\"twilio\"}"))
                .body(containsString("kafka_consumer"));
    }
}
