package io.aftercare.scheduling.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.aftercare.events.NotificationStatus;
import io.aftercare.messaging.Redelivery;
import io.aftercare.scheduling.service.ReminderOutcomes;
import io.aftercare.scheduling.service.ReminderOutcomes.Reported;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Takes what notification reports ({@code notification-status}) a poll at a time, recorded in one transaction: one
 * statement and SmallRye's per-record handling for each event cost scheduling about 0.42 ms of CPU for every text.
 * The dead-letter topic stays per event: an event that cannot be read (its payload is null: the deserializer failed)
 * or recorded is nacked alone, with the reason, through the channel's failure handler, and the others are recorded.
 * The batch is acked once those are parked, so no committed offset passes an event that is not yet on the dead-letter
 * topic. While the database is away the batch waits, and the events behind it too.
 */
@ApplicationScoped
public class NotificationStatusConsumer {

    private final ReminderOutcomes outcomes;

    public NotificationStatusConsumer(ReminderOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    /**
     * Records are in their partitions' order, and Kafka keys these events by booking, so two events for one reminder
     * come in the order notification published them.
     */
    @Incoming("notification-status")
    @Blocking
    public CompletionStage<Void> onNotificationStatuses(KafkaRecordBatch<String, NotificationStatus> batch) {
        List<CompletableFuture<Void>> parked = new ArrayList<>();
        List<Received> readable = new ArrayList<>();
        for (KafkaRecord<String, NotificationStatus> record : batch.getRecords()) {
            NotificationStatus event = record.getPayload();
            if (event == null) {
                parked.add(park(record,
                        new IllegalArgumentException("the event could not be read as its contract says")));
            } else {
                readable.add(new Received(record, new Reported(eventId(record, event), event)));
            }
        }
        record(readable, parked);
        return CompletableFuture.allOf(parked.toArray(CompletableFuture[]::new)).thenCompose(all -> batch.ack());
    }

    private void record(List<Received> readable, List<CompletableFuture<Void>> parked) {
        if (readable.isEmpty()) {
            return;
        }
        List<Reported> events = readable.stream().map(Received::reported).toList();
        try {
            Redelivery.untilHandled("a batch of " + events.size() + " status events",
                    () -> outcomes.reportedAll(events));
        } catch (RuntimeException oneCannotBeHandled) {
            // All or none failed: one by one, in order, and only the one that cannot be recorded is parked.
            for (Received one : readable) {
                Reported reported = one.reported();
                try {
                    Redelivery.untilHandled("event " + reported.eventId(),
                            () -> outcomes.reported(reported.eventId(), reported.event()));
                } catch (RuntimeException cannotBeHandled) {
                    parked.add(park(one.record(), cannotBeHandled));
                }
            }
        }
    }

    /** To the channel's dead-letter topic with the reason; the record's own ack follows once it is written there. */
    private static CompletableFuture<Void> park(KafkaRecord<String, NotificationStatus> record, Throwable reason) {
        return record.nack(reason).toCompletableFuture();
    }

    /** The CloudEvent id, per record as in a single-record channel; notification sets it to {reminderId}:{status}. */
    private static String eventId(KafkaRecord<String, NotificationStatus> record, NotificationStatus event) {
        return record.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId)
                .orElse(event.reminderId() + ":" + event.status());
    }

    private record Received(KafkaRecord<String, NotificationStatus> record, Reported reported) {
    }
}
