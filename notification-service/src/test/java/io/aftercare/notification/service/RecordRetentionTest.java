package io.aftercare.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.notification.Deliveries;
import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.NotificationFixtures;
import io.aftercare.notification.NotificationFixtures.Event;
import io.aftercare.notification.repository.ProcessedWebhooks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
class RecordRetentionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Deliveries deliveries;

    @Inject
    ProcessedWebhooks webhooks;

    @Inject
    RecordRetention retention;

    @Test
    void finishedDeliveriesAndWebhookIdsAreDeletedByAgeAndNothingUnfinished() {
        Instant longAgo = Instant.now().minus(181, ChronoUnit.DAYS);
        Event sent = NotificationFixtures.smsEvent(NotificationFixtures.phone());
        NotificationFixtures.publish(bootstrapServers, sent);
        Delivery old = await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> deliveries.settled(sent.reminderId().toString()), Objects::nonNull);
        assertThat(old.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(deliveries.attemptCount(old.id)).isEqualTo(1);
        deliveries.lastChangedAt(sent.reminderId().toString(), longAgo);
        // As old, but still being sent by another instance: not finished, so kept.
        Event sending = NotificationFixtures.smsEvent(NotificationFixtures.phone());
        deliveries.heldMidSend(sending.reminderId().toString(), sending.json(), longAgo, "notification-9",
                Instant.now().plus(1, ChronoUnit.HOURS));
        String oldWebhook = "SM" + UUID.randomUUID() + ":delivered";
        String newWebhook = "SM" + UUID.randomUUID() + ":delivered";
        QuarkusTransaction.requiringNew().run(() -> {
            webhooks.firstTime(oldWebhook, Instant.now().minus(31, ChronoUnit.DAYS));
            webhooks.firstTime(newWebhook, Instant.now());
        });

        RecordRetention.Pruned pruned = retention.pruneNow();

        assertThat(pruned.deliveries()).isPositive();
        assertThat(pruned.webhooks()).isPositive();
        assertThat(deliveries.get(sent.reminderId().toString())).isNull();
        assertThat(deliveries.attemptCount(old.id)).isZero();
        assertThat(deliveries.get(sending.reminderId().toString()).status).isEqualTo(DeliveryStatus.SENDING);
        // firstTime answers true only for an id it does not hold (and takes it again).
        assertThat(QuarkusTransaction.requiringNew().call(() -> webhooks.firstTime(oldWebhook, Instant.now())))
                .isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> webhooks.firstTime(newWebhook, Instant.now())))
                .isFalse();
    }
}
