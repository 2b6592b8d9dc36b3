package io.aftercare.localstack.testing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.aftercare.localstack.BrokerUser;
import io.aftercare.localstack.LocalKafka;

/** Publishes JSON CloudEvents in binary mode ({@code ce_*} headers), as another service of ours would. */
public final class CloudEventWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    /** Writes as the broker's admin, who may write every topic: a test's fixture, not an attack. */
    public CloudEventWriter(String bootstrapServers) {
        this(bootstrapServers, BrokerUser.ADMIN);
    }

    /** Writes as the given broker user, which the broker's ACLs may refuse: what an attack test needs. */
    public CloudEventWriter(String bootstrapServers, BrokerUser user) {
        Map<String, Object> config = new HashMap<>(LocalKafka.clientConfig(bootstrapServers, user));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // A refused write fails at once rather than after the default two minutes of retries.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String id, String type, String jsonData) {
        send(topic, key, id, type, jsonData, "/aftercare/tests");
    }

    /** As {@link #send(String, String, String, String, String)}, as if from the given CloudEvent source. */
    public void send(String topic, String key, String id, String type, String jsonData, String source) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, jsonData);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", source);
        header(record, "content-type", "application/json");
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
