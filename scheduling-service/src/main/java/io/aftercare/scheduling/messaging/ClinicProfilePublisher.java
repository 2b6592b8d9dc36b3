package io.aftercare.scheduling.messaging;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes a clinic's profile, keyed by clinic on a compacted topic, so that a service starting later still reads
 * every clinic's last profile. Called inside the transaction that saves it: a profile whose event the broker did not
 * take is not saved either, and the operator is told to try again.
 */
@ApplicationScoped
public class ClinicProfilePublisher {

    private static final URI SOURCE = URI.create("/aftercare/scheduling-service");
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final MutinyEmitter<ClinicProfileChanged> emitter;

    public ClinicProfilePublisher(@Channel("clinic-profiles") MutinyEmitter<ClinicProfileChanged> emitter) {
        this.emitter = emitter;
    }

    public void publish(ClinicProfileChanged profile) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(profile.clinicId() + ":" + profile.version())
                .withType(ClinicProfileChanged.TYPE)
                .withSource(SOURCE)
                .withSubject(profile.clinicId())
                .withTimestamp(profile.updatedAt().atZone(ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(profile.clinicId())
                .build();
        emitter.sendMessage(Message.of(profile, Metadata.of(cloudEvent, record))).await().atMost(ACK_TIMEOUT);
    }
}
