package io.aftercare.scheduling.messaging;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.aftercare.events.CredentialRevoked;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Tells every instance of every service that checks API keys that one was revoked, after the revocation committed.
 * The key is refused in the database already; an event the broker did not take only leaves the others to their
 * caches' time limit (30 s at scheduling, a minute at notification), and is logged.
 */
@ApplicationScoped
public class CredentialRevocationPublisher {

    private static final Logger LOG = Logger.getLogger(CredentialRevocationPublisher.class);
    private static final URI SOURCE = URI.create("/aftercare/scheduling-service");
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

    private final MutinyEmitter<CredentialRevoked> emitter;

    public CredentialRevocationPublisher(
            @Channel("credential-revocations-out") MutinyEmitter<CredentialRevoked> emitter) {
        this.emitter = emitter;
    }

    public void publish(CredentialRevoked revoked) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId("revoked:" + revoked.keyId())
                .withType(CredentialRevoked.TYPE)
                .withSource(SOURCE)
                .withSubject(revoked.clinicId())
                .withTimestamp(revoked.revokedAt().atZone(ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(revoked.clinicId())
                .build();
        try {
            emitter.sendMessage(Message.of(revoked, Metadata.of(cloudEvent, record))).await().atMost(ACK_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warnf("the revocation of key %s was not announced (%s): other instances refuse it when their cached"
                    + " copy expires", revoked.keyId(), e.toString());
        }
    }
}
