package io.aftercare.guidance.messaging;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.aftercare.events.ProtocolPublished;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Announces a new protocol version, keyed by treatment so that versions of one treatment arrive in order. */
@ApplicationScoped
public class ProtocolPublishedPublisher {

    private static final URI SOURCE = URI.create("/aftercare/guidance-service");
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<ProtocolPublished> emitter;

    public ProtocolPublishedPublisher(@Channel("protocol-published") MutinyEmitter<ProtocolPublished> emitter) {
        this.emitter = emitter;
    }

    /** Returns once the broker acknowledged, so that a publication whose event is lost rolls back. */
    public void publish(ProtocolPublished event) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId())
                .withType(ProtocolPublished.TYPE)
                .withSource(SOURCE)
                .withSubject(event.treatment())
                .withTimestamp(event.publishedAt().atZone(ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.treatment())
                .build();
        emitter.sendMessage(Message.of(event, Metadata.of(cloudEvent, record))).await().atMost(ACK_TIMEOUT);
    }
}
