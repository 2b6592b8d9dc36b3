package io.aftercare.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.CloudEventWriter;
import io.aftercare.localstack.testing.SharedTestInfrastructure;

/** The broker as a neighbour on the network, or a compromised service, finds it. */
class BrokerAccessTest {

    private final LocalKafka kafka = SharedTestInfrastructure.kafka();

    @Test
    void aConsumerThatDoesNotSignInIsRefused() {
        Map<String, Object> anonymous = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaConsumer<String, String> consumer = consumer(anonymous)) {
            assertThatThrownBy(() -> consumer.partitionsFor("clinic-profiles", Duration.ofSeconds(3)))
                    .isInstanceOf(TimeoutException.class);
        }
        // The same question, signed in, is answered: what refused the first was the missing sign-in.
        try (KafkaConsumer<String, String> consumer = consumer(kafka.clientConfig(BrokerUser.NOTIFICATION))) {
            assertThat(consumer.partitionsFor("clinic-profiles", Duration.ofSeconds(10))).isNotEmpty();
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> wrong = BrokerCredentials.generate()
                .clientConfig(kafka.bootstrapServers(), BrokerUser.SCHEDULING);
        assertThat(signInError(wrong)).isInstanceOf(SaslAuthenticationException.class);
        assertThat(signInError(kafka.clientConfig(BrokerUser.SCHEDULING))).isNull();
    }

    @Test
    void onlySchedulingWritesTheTopicsNotificationTrusts() {
        for (String topic : List.of("clinic-profiles", "reminders-due", "credential-revocations")) {
            assertThat(writeError(BrokerUser.NOTIFICATION, topic)).as("notification writing " + topic)
                    .isInstanceOf(TopicAuthorizationException.class);
            assertThat(writeError(BrokerUser.GUIDANCE, topic)).as("guidance writing " + topic)
                    .isInstanceOf(TopicAuthorizationException.class);
            assertThat(writeError(BrokerUser.SCHEDULING, topic)).as("scheduling writing " + topic).isNull();
        }
        for (String topic : List.of("patient-replies", "notification-status", "recipient-preferences")) {
            assertThat(writeError(BrokerUser.SCHEDULING, topic)).as("scheduling writing " + topic)
                    .isInstanceOf(TopicAuthorizationException.class);
            assertThat(writeError(BrokerUser.NOTIFICATION, topic)).as("notification writing " + topic).isNull();
        }
        assertThat(writeError(BrokerUser.SCHEDULING, "protocol-published"))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(writeError(BrokerUser.GUIDANCE, "protocol-published")).isNull();
    }

    @Test
    void aServiceReadsOnlyItsOwnTopicsInItsOwnGroups() {
        assertThat(readError(BrokerUser.NOTIFICATION, "clinic-profiles", "notification-service")).isNull();
        assertThat(readError(BrokerUser.NOTIFICATION, "clinic-profiles", "scheduling-service"))
                .isInstanceOf(GroupAuthorizationException.class);
        assertThat(readError(BrokerUser.NOTIFICATION, "patient-replies", "notification-service"))
                .isInstanceOf(TopicAuthorizationException.class);
        // Without a group too: reading the records themselves is refused.
        assertThat(readError(BrokerUser.GUIDANCE, "reminders-due", null))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    /** Why the broker refused this sign-in, or null when it let it in. */
    static Throwable signInError(Map<String, Object> signIn) {
        Map<String, Object> config = new HashMap<>(signIn);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    private Throwable writeError(BrokerUser user, String topic) {
        try (CloudEventWriter writer = new CloudEventWriter(kafka.bootstrapServers(), user)) {
            writer.send(topic, "broker-access-test", "broker-access-test", "test.refused", "{}");
            return null;
        } catch (IllegalStateException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        }
    }

    private Throwable readError(BrokerUser user, String topic, String group) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(user));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        try (KafkaConsumer<String, String> consumer = consumer(config)) {
            if (group != null) {
                // The committed offsets ask the group first, then the topic: each is refused where its ACL is missing.
                consumer.committed(java.util.Set.of(new TopicPartition(topic, 0)), Duration.ofSeconds(10));
            }
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.poll(Duration.ofSeconds(2));
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
