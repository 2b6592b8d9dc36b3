package io.aftercare.scheduling.messaging;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.aftercare.events.ReminderDue;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes due reminders as CloudEvents, keyed by booking so that one patient's events stay in order. */
@ApplicationScoped
public class ReminderDuePublisher {

    private static final URI SOURCE = URI.create("/aftercare/scheduling-service");

    private final MutinyEmitter<ReminderDue> emitter;

    public ReminderDuePublisher(
            @Channel("reminders-due") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192) MutinyEmitter<ReminderDue> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has acknowledged the event (acks=all). */
    public Uni<Void> publish(String eventId, ReminderDue event, Instant now) {
        String key = event.bookingId().toString();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(eventId)
                .withType(ReminderDue.TYPE)
                .withSource(SOURCE)
                .withSubject(key)
                .withTimestamp(now.atZone(ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build();
        return emitter.sendMessage(Message.of(event, Metadata.of(cloudEvent, record)));
    }
}
