package io.aftercare.system;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.aftercare.localstack.BrokerUser;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.MiddayZone;

/**
 * Due reminders written to {@code reminders-due} as scheduling writes them (the broker lets only its user write that
 * topic), for notification to text: the load of the notification benchmarks.
 */
final class ReminderEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    private ReminderEvents(KafkaProducer<String, String> producer) {
        this.producer = producer;
    }

    static ReminderEvents open(LocalAftercare aftercare) {
        Map<String, Object> config = new HashMap<>(
                aftercare.infrastructure().kafka().clientConfig(BrokerUser.SCHEDULING));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new ReminderEvents(new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()));
    }

    /**
     * {@code count} due reminders of the run, each an SMS to its own number; {@code perSecond} of them each second,
     * or all at once (a backlog) when it is 0.
     */
    void publish(String run, int count, double perSecond) throws InterruptedException {
        String zone = MiddayZone.now();
        String expires = Instant.now().plus(6, ChronoUnit.HOURS).toString();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (perSecond > 0) {
                long slot = started + (long) (i * 1e9 / perSecond);
                long wait = slot - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            producer.send(event(run, i, zone, expires));
        }
        producer.flush();
    }

    private static ProducerRecord<String, String> event(String run, int i, String zone, String expires) {
        UUID id = UUID.randomUUID();
        String event = """
                {"reminderId": "%s", "clinicId": "bench", "bookingId": "%s", "bookingRef": "%s-%d",
                 "recipient": {"firstName": "Ana", "phone": "+3461%07d", "locale": "es", "timeZone": "%s",
                               "preferredChannel": "sms", "smsConsent": true, "emailConsent": false},
                 "ruleKey": "bench", "occurrence": 0, "priority": "normal", "channels": ["sms"], "locale": "es",
                 "dueAt": "%s", "expiresAt": "%s", "messages": {"sms": "Hola Ana, hora de limpiar la piel."}}
                """.formatted(id, UUID.randomUUID(), run, i, i, zone, Instant.now(), expires);
        ProducerRecord<String, String> record = new ProducerRecord<>("reminders-due", id.toString(), event);
        record.headers().add("ce_specversion", "1.0".getBytes());
        record.headers().add("ce_id", id.toString().getBytes());
        record.headers().add("ce_type", "io.aftercare.reminder.due.v1".getBytes());
        record.headers().add("ce_source", "/benchmark".getBytes());
        return record;
    }

    @Override
    public void close() {
        producer.close();
    }
}
