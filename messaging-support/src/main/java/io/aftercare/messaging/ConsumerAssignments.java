package io.aftercare.messaging;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Notes which topics' consumers have joined their group (received an assignment, possibly empty when other instances
 * hold every partition), and which partitions this instance holds now. A channel uses it with
 * {@code consumer-rebalance-listener.name=aftercare-assignments}.
 */
@ApplicationScoped
@Identifier(ConsumerAssignments.NAME)
public class ConsumerAssignments implements KafkaConsumerRebalanceListener {

    public static final String NAME = "aftercare-assignments";
    private static final Logger LOG = Logger.getLogger(ConsumerAssignments.class);

    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final Set<TopicPartition> held = ConcurrentHashMap.newKeySet();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        held.addAll(partitions);
        Set<String> topics = consumer.subscription();
        if (joined.addAll(topics)) {
            LOG.infof("joined the consumer group for %s with %d partition(s)", topics, partitions.size());
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        held.removeAll(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        held.removeAll(partitions);
    }

    public boolean joined(String topic) {
        return joined.contains(topic);
    }

    /** How many of the topic's partitions this instance reads now: none when the group has more members than them. */
    public long held(String topic) {
        return held.stream().filter(partition -> partition.topic().equals(topic)).count();
    }
}
