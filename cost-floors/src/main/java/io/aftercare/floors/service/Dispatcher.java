package io.aftercare.floors.service;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.ReminderDue;
import io.aftercare.floors.config.FloorConfig;
import io.aftercare.floors.model.DispatchOutcome;
import io.aftercare.floors.repository.DueReminders;
import io.quarkus.runtime.Startup;

/**
 * The floor of scheduling's dispatcher: one thread, one claim statement per batch, a plain {@link KafkaProducer}
 * (made once, at start) publishing each reminder's CloudEvent in binary mode with the headers SmallRye writes for
 * scheduling, and a commit once Kafka acknowledged the whole batch. No lease, no worker pool, no SmallRye emitter,
 * no metrics or tracing.
 */
@Startup
@ApplicationScoped
public class Dispatcher {

    private static final byte[] SOURCE = "/aftercare/scheduling-service".getBytes(StandardCharsets.UTF_8);

    private final DataSource dataSource;
    private final DueReminders dueReminders;
    private final ObjectMapper json;
    private final FloorConfig.Dispatch config;
    private final String topic;
    private final KafkaProducer<String, String> producer;

    public Dispatcher(DataSource dataSource, DueReminders dueReminders, ObjectMapper json, FloorConfig config) {
        this.dataSource = dataSource;
        this.dueReminders = dueReminders;
        this.json = json;
        this.config = config.dispatch();
        this.topic = config.kafka().topic();
        this.producer = new KafkaProducer<>(settings(config.kafka()));
    }

    /** Scheduling's producer settings (mp.messaging.outgoing.reminders-due.*), on a plain client. */
    private static Properties settings(FloorConfig.Kafka kafka) {
        Properties settings = new Properties();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, kafka.securityProtocol());
        settings.put(SaslConfigs.SASL_MECHANISM, kafka.saslMechanism());
        kafka.saslJaasConfig().ifPresent(jaas -> settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaas));
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "8000");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return settings;
    }

    /**
     * Publishes {@code count} due reminders, claiming a batch at a time and waiting the poll interval only when none
     * was due; gives up after the configured bound, or at the first batch the broker did not take (rolled back).
     */
    public DispatchOutcome dispatch(int count) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + config.bound().toNanos();
        int sent = 0;
        while (sent < count) {
            if (System.nanoTime() - deadline > 0) {
                return new DispatchOutcome(sent, false, null);
            }
            int published;
            try {
                published = batch(Math.min(config.batchSize(), count - sent));
            } catch (ExecutionException | TimeoutException | JsonProcessingException e) {
                return new DispatchOutcome(sent, false, "the broker did not take a batch: " + e);
            }
            if (published == 0) {
                Thread.sleep(config.interval().toMillis());
            }
            sent += published;
        }
        return new DispatchOutcome(sent, true, null);
    }

    /** One transaction: claim, publish every event, wait for every acknowledgement, commit. */
    private int batch(int limit) throws SQLException, InterruptedException, ExecutionException, TimeoutException,
            JsonProcessingException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<ReminderDue> due = dueReminders.claim(connection, limit);
                byte[] time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC))
                        .getBytes(StandardCharsets.UTF_8);
                List<Future<RecordMetadata>> acks = new ArrayList<>(due.size());
                for (ReminderDue event : due) {
                    acks.add(producer.send(record(event, time)));
                }
                long ackDeadline = System.nanoTime() + config.ackTimeout().toNanos();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(Math.max(0, ackDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                connection.commit();
                return due.size();
            } catch (SQLException | ExecutionException | TimeoutException | JsonProcessingException
                    | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Keyed by booking, so that one patient's events stay in order, as scheduling keys them. */
    private ProducerRecord<String, String> record(ReminderDue event, byte[] time) throws JsonProcessingException {
        String key = event.bookingId().toString();
        List<Header> headers = List.of(header("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)),
                header("ce_id", event.reminderId().toString().getBytes(StandardCharsets.UTF_8)),
                header("ce_type", ReminderDue.TYPE.getBytes(StandardCharsets.UTF_8)),
                header("ce_source", SOURCE), header("ce_subject", key.getBytes(StandardCharsets.UTF_8)),
                header("ce_time", time), header("content-type", "application/json".getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, key, json.writeValueAsString(event), headers);
    }

    private static Header header(String name, byte[] value) {
        return new RecordHeader(name, value);
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
