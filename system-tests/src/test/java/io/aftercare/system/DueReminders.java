package io.aftercare.system;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.aftercare.localstack.BrokerUser;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.MiddayZone;

/** Due reminders for notification, published on {@code reminders-due} as scheduling publishes them. */
final class DueReminders {

    private DueReminders() {
    }

    /** {@code events} due SMS reminders at once, a backlog, their bookingRefs tagged with {@code run}. */
    static void publish(LocalAftercare aftercare, String run, int events) {
        String zone = MiddayZone.now();
        String expires = Instant.now().plus(6, ChronoUnit.HOURS).toString();
        // Written as scheduling writes them: the broker lets only its user write reminders-due.
        Map<String, Object> config = new java.util.HashMap<>(
                aftercare.infrastructure().kafka().clientConfig(BrokerUser.SCHEDULING));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < events; i++) {
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
                producer.send(record);
            }
            producer.flush();
        }
    }
}
