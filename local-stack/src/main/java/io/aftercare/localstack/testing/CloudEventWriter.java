package io.aftercare.localstack.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes JSON CloudEvents in binary mode ({@code ce_*} headers), as another service of ours would. */
public final class CloudEventWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public CloudEventWriter(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
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
