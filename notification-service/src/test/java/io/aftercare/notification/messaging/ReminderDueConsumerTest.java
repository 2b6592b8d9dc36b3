package io.aftercare.notification.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.CloudEventWriter;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryStatus;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ReminderDueConsumerTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager entityManager;

    @Test
    void theSameEventThreeTimesSendsOneMessage() {
        UUID reminderId = UUID.randomUUID();
        String event = event(reminderId, "+34612345678", true, Instant.now().plus(12, ChronoUnit.HOURS));
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            for (int i = 0; i < 3; i++) {
                writer.send("reminders-due", "booking-1", reminderId.toString(), "io.aftercare.reminder.due.v1", event);
            }
            // A later event on the same partition proves the three copies were all consumed before we count.
            UUID marker = UUID.randomUUID();
            writer.send("reminders-due", "booking-1", marker.toString(), "io.aftercare.reminder.due.v1",
                    event(marker, "+34612345678", true, Instant.now().plus(12, ChronoUnit.HOURS)));
            awaitDelivery(marker.toString());
        }

        assertThat(consoleMessagesFor(reminderId)).isEqualTo(1L);
        Delivery delivery = awaitDelivery(reminderId.toString());
        assertThat(delivery.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery.provider).isEqualTo("console");
        assertThat(delivery.providerMessageId).startsWith("console-");
        given().get("/v1/console/messages?limit=200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.reference == '" + reminderId + "' }.to")
                .forEach(to -> assertThat(to).isEqualTo("+34*******78"));
    }

    @Test
    void anEventPastItsValidityIsExpiredNotSent() {
        UUID reminderId = UUID.randomUUID();
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("reminders-due", "booking-2", reminderId.toString(), "io.aftercare.reminder.due.v1",
                    event(reminderId, "+34612345678", true, Instant.now().minus(1, ChronoUnit.MINUTES)));
        }

        assertThat(awaitDelivery(reminderId.toString()).status).isEqualTo(DeliveryStatus.EXPIRED);
        assertThat(consoleMessagesFor(reminderId)).isZero();
    }

    @Test
    void withoutSmsConsentNothingIsTexted() {
        UUID reminderId = UUID.randomUUID();
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("reminders-due", "booking-3", reminderId.toString(), "io.aftercare.reminder.due.v1",
                    event(reminderId, "+34612345678", false, Instant.now().plus(12, ChronoUnit.HOURS)));
        }

        Delivery delivery = awaitDelivery(reminderId.toString());
        assertThat(delivery.status).isEqualTo(DeliveryStatus.SUPPRESSED);
        assertThat(delivery.reason).contains("consent");
        assertThat(consoleMessagesFor(reminderId)).isZero();
    }

    private static String event(UUID reminderId, String phone, boolean smsConsent, Instant expiresAt) {
        return """
                {"reminderId": "%s", "clinicId": "clinic-a", "bookingId": "%s", "bookingRef": "ext-1",
                 "recipient": {"firstName": "Ana", "phone": "%s", "email": "ana@example.com", "locale": "es",
                               "timeZone": "Europe/Madrid", "preferredChannel": "sms", "smsConsent": %s,
                               "emailConsent": true},
                 "ruleKey": "first-care", "protocolVersion": 1, "priority": "urgent",
                 "dueAt": "%s", "expiresAt": "%s", "messages": {"sms": "Hi Ana, your aftercare starts now."}}
                """.formatted(reminderId, UUID.randomUUID(), phone, smsConsent, Instant.now(), expiresAt);
    }

    private Delivery awaitDelivery(String eventId) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            Delivery delivery = entityManager
                    .createQuery("from Delivery where eventId = :id and status <> :pending", Delivery.class)
                    .setParameter("id", eventId)
                    .setParameter("pending", DeliveryStatus.PENDING)
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            if (delivery != null) {
                return delivery;
            }
            entityManager.clear();
            sleep();
        }
        throw new AssertionError("no delivery recorded for event " + eventId + " within " + BOUND);
    }

    private long consoleMessagesFor(UUID reminderId) {
        return entityManager.createQuery("select count(m) from ConsoleMessage m where m.reference = :ref", Long.class)
                .setParameter("ref", reminderId.toString())
                .getSingleResult();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
