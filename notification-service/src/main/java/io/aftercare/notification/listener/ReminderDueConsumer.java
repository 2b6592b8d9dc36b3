package io.aftercare.notification.listener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.ReminderDue;
import io.aftercare.messaging.Redelivery;
import io.aftercare.notification.service.DeliveryIntake;
import io.aftercare.notification.service.DeliveryWakeUp;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Takes due reminders off Kafka a poll at a time, recorded in one transaction (one commit for hundreds of events,
 * where one per event capped the intake at the disk's commit rate); the offsets are committed only after. Events are
 * read as text so that each is kept as received, for retries and the dead-letter topic, which gets what cannot be
 * read, with the reason. While the database is away the batch waits, and the events behind it too.
 */
@ApplicationScoped
public class ReminderDueConsumer {

    private final DeliveryIntake intake;
    private final DeliveryWakeUp wakeUp;
    private final ObjectMapper json;

    public ReminderDueConsumer(DeliveryIntake intake, DeliveryWakeUp wakeUp, ObjectMapper json) {
        this.intake = intake;
        this.wakeUp = wakeUp;
        this.json = json;
    }

    @Incoming("reminders-due")
    @Blocking
    public CompletionStage<Void> onRemindersDue(KafkaRecordBatch<String, String> batch) {
        List<DeliveryIntake.Received> received = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            received.add(read(record));
        }
        try {
            Redelivery.untilHandled("a batch of " + received.size() + " reminder events",
                    () -> intake.acceptAll(received));
        } catch (RuntimeException oneCannotBeHandled) {
            // One poisoned event must not take the others with it: one by one, and the one that fails is parked.
            for (DeliveryIntake.Received one : received) {
                try {
                    Redelivery.untilHandled("reminder event " + one.eventId(), () -> intake.acceptAll(List.of(one)));
                } catch (RuntimeException cannotBeHandled) {
                    intake.deadLetter(one, cannotBeHandled.getClass().getSimpleName());
                }
            }
        }
        wakeUp.signal();
        return batch.ack();
    }

    /** The CloudEvent id is the idempotency key; scheduling sets it to the reminder id. */
    private DeliveryIntake.Received read(KafkaRecord<String, String> record) {
        Header ceId = record.getHeaders().lastHeader("ce_id");
        String eventId = ceId == null ? null : new String(ceId.value(), StandardCharsets.UTF_8);
        String payload = record.getPayload();
        try {
            ReminderDue event = json.readValue(payload, ReminderDue.class);
            return new DeliveryIntake.Received(eventId != null ? eventId : event.reminderId().toString(),
                    record.getKey(), payload, event, null);
        } catch (JsonProcessingException | RuntimeException e) {
            String id = eventId != null
                    ? eventId
                    : record.getTopic() + "-" + record.getPartition() + "@" + record.getTimestamp().toEpochMilli();
            return new DeliveryIntake.Received(id, record.getKey() == null ? "" : record.getKey(),
                    payload == null ? "" : payload, null, e.getClass().getSimpleName());
        }
    }
}
