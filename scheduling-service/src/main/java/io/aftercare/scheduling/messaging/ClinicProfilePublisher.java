package io.aftercare.scheduling.messaging;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.aftercare.events.ClinicProfileChanged;
import io.aftercare.scheduling.ClinicProfile;
import io.aftercare.scheduling.ClinicWebhook;
import io.aftercare.scheduling.ConsentBasis;
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

    /** @param webhooks the profile's endpoints, each secret sealed for the topic (never the stored or plain one) */
    public void publish(ClinicProfile saved, List<ClinicWebhook> webhooks) {
        ClinicProfileChanged profile = changed(saved, webhooks);
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

    /**
     * Built here rather than in the shared record: {@link ClinicProfile} is this service's entity, and the events module
     * holds no service's domain.
     */
    static ClinicProfileChanged changed(ClinicProfile profile, List<ClinicWebhook> webhooks) {
        ClinicProfileChanged.SendWindow window = profile.sendWindowStart == null
                ? null
                : new ClinicProfileChanged.SendWindow(profile.sendWindowStart.toString(),
                        profile.sendWindowEnd.toString());
        ClinicProfileChanged.Sms sms = profile.smsSender == null
                ? null
                : new ClinicProfileChanged.Sms(profile.smsSender, profile.smsPerSecond);
        List<ClinicProfileChanged.Webhook> endpoints = webhooks.stream()
                .map(w -> new ClinicProfileChanged.Webhook(w.id(), w.url(), w.secret(), w.events()))
                .toList();
        return new ClinicProfileChanged(profile.clinicId, profile.version, profile.name, profile.timeZone,
                profile.locale, profile.phone, window, sms, profile.emailSender, profile.alertEmail,
                wire(profile.consentBasis), Map.copyOf(profile.helpTexts), endpoints, profile.updatedAt);
    }

    /** EXPRESS_CONSENT is express-consent on the wire, as {@link ConsentBasis}'s JSON names spell it. */
    private static String wire(ConsentBasis basis) {
        return basis == null ? null : basis.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
