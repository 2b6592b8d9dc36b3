package io.aftercare.localstack.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.aftercare.localstack.BrokerUser;
import io.aftercare.localstack.LocalKafka;

/**
 * Reads a topic from its beginning, without a consumer group, so that a test sees exactly what was published, and
 * nothing of what the service under test consumes. It reads as the broker's admin, who may read every topic.
 * Plain Kafka consumer API on purpose: Quarkus's Kafka companion would bring a test dependency (not in the build
 * today) for the same thing, and this class is also used outside Quarkus tests.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    public TopicReader(String bootstrapServers, String topic) {
        createIfMissing(bootstrapServers, topic);
        Map<String, Object> config = new HashMap<>(LocalKafka.clientConfig(bootstrapServers, BrokerUser.ADMIN));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** A test may look at a topic before the service first wrote to it. */
    private static void createIfMissing(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(LocalKafka.clientConfig(bootstrapServers, BrokerUser.ADMIN))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + topic, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record matching the filter, read until {@code expected} of them arrived or the time is up. */
    public List<ConsumerRecord<String, String>> read(Predicate<ConsumerRecord<String, String>> filter, int expected,
            Duration timeout) {
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching.size() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                if (filter.test(record)) {
                    matching.add(record);
                }
            }
        }
        return matching;
    }

    /** Everything matching the filter that arrives within the given time: for asserting that nothing came. */
    public List<ConsumerRecord<String, String>> readFor(Predicate<ConsumerRecord<String, String>> filter,
            Duration duration) {
        return read(filter, Integer.MAX_VALUE, duration);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
