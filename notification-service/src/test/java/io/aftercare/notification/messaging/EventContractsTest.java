package io.aftercare.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.contracts.Contract;
import io.aftercare.localstack.testing.FakeTwilioTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.aftercare.localstack.testing.TopicReader;
import io.aftercare.notification.NotificationFixtures;
import io.aftercare.notification.NotificationFixtures.Event;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What notification publishes keeps to its schemas (the records as they are on Kafka), and notification reads every
 * field it declares from the reminder-due example, with the mapper its consumer uses.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "notification"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTwilioTestResource.class, scope = TestResourceScope.GLOBAL)
class EventContractsTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    OutboundEvents events;

    @Test
    void itReadsEveryFieldItDeclaresFromTheReminderDueExample() {
        assertThat(Contract.REMINDER_DUE.readFully(json, ReminderDue.class).asksCheckIn()).isTrue();
    }

    @Test
    void theStatusItPublishesForAReminderKeepsToTheContract() {
        Event event = NotificationFixtures.smsEvent(NotificationFixtures.phone());
        NotificationFixtures.publish(bootstrapServers, event);

        try (TopicReader topic = new TopicReader(bootstrapServers, "notification-status")) {
            var published = topic.read(r -> r.value().contains(event.reminderId().toString()), 1, BOUND);
            assertThat(published).hasSize(1);
            Contract.NOTIFICATION_STATUS.assertValid(published.get(0).value());
        }
    }

    @Test
    void preferenceAndReplyEventsKeepToTheirContracts() {
        String phone = NotificationFixtures.phone();
        events.preference(new RecipientPreferenceChanged("sms", phone, true, Instant.now())).await().atMost(BOUND);
        UUID reply = UUID.randomUUID();
        events.reply(new PatientReplied(reply, "clinic-n", UUID.randomUUID(), "ext-1", "es", 4, true,
                "check-in answer 4 of 5", Instant.now())).await().atMost(BOUND);

        try (TopicReader topic = new TopicReader(bootstrapServers, "recipient-preferences")) {
            Contract.RECIPIENT_PREFERENCE_CHANGED
                    .assertValid(topic.read(r -> r.value().contains(phone), 1, BOUND).get(0).value());
        }
        try (TopicReader topic = new TopicReader(bootstrapServers, "patient-replies")) {
            Contract.PATIENT_REPLIED
                    .assertValid(topic.read(r -> r.value().contains(reply.toString()), 1, BOUND).get(0).value());
        }
    }
}
