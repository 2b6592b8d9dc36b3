package io.aftercare.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * What an instance holds of a topic as its group rebalances, and what readiness says of an instance that holds none.
 * The consumer is a real client that never connects: subscribing is local, and the rebalance callbacks are what the
 * client calls with the broker's assignment.
 */
class ConsumerAssignmentsTest {

    private static final String TOPIC = "reminders-due";

    @Test
    void countsThePartitionsHeldThroughAssignmentsRevocationsAndLosses() {
        ConsumerAssignments assignments = new ConsumerAssignments();
        try (KafkaConsumer<String, String> consumer = subscribed()) {
            assertThat(assignments.joined(TOPIC)).isFalse();

            assignments.onPartitionsAssigned(consumer, List.of(partition(0), partition(1), partition(2)));
            assertThat(assignments.joined(TOPIC)).isTrue();
            assertThat(assignments.held(TOPIC)).isEqualTo(3);

            assignments.onPartitionsRevoked(consumer, List.of(partition(2)));
            assertThat(assignments.held(TOPIC)).isEqualTo(2);
            assignments.onPartitionsLost(consumer, List.of(partition(0), partition(1)));
            assertThat(assignments.held(TOPIC)).isZero();
            assertThat(assignments.held("other-topic")).isZero();
        }
    }

    @Test
    void anInstanceThatJoinedWithNoPartitionIsReadyButSaysItIdles() {
        ConsumerAssignments assignments = new ConsumerAssignments();
        ConsumersJoinedCheck check = new ConsumersJoinedCheck(assignments);
        try (KafkaConsumer<String, String> consumer = subscribed()) {
            assignments.onPartitionsAssigned(consumer, List.of());

            assertThat(assignments.joined(TOPIC)).isTrue();
            assertThat(check.partitions(TOPIC)).startsWith("none: idle for this topic");

            assignments.onPartitionsAssigned(consumer, List.of(partition(4)));
            assertThat(check.partitions(TOPIC)).isEqualTo("1 partition(s)");
        }
    }

    private static KafkaConsumer<String, String> subscribed() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:9", ConsumerConfig.GROUP_ID_CONFIG, "assignments-test"), new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(TOPIC));
        return consumer;
    }

    private static TopicPartition partition(int number) {
        return new TopicPartition(TOPIC, number);
    }
}
