package io.aftercare.notification;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.events.ClinicProfileChanged;
import io.aftercare.localstack.testing.CloudEventWriter;
import io.aftercare.notification.repository.ClinicProfileRepository;
import io.aftercare.notification.repository.ClinicProfileRepository.StoredProfile;

/** Clinic profiles as scheduling publishes them, and this service's copy, read in a transaction of its own. */
@ApplicationScoped
public class ClinicProfiles {

    /** The secret of the Standard Webhooks test vector (contracts/examples/clinic-profile.json uses it too). */
    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /** The clinic's own number in {@link #profile}: what its patients text back. */
    public static final String SMS_SENDER = "+34600111222";

    private final ClinicProfileRepository repository;

    public ClinicProfiles(ClinicProfileRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public Optional<StoredProfile> stored(String clinicId) {
        return repository.find(clinicId);
    }

    /** Where scheduling's profile events come from; notification refuses those from anywhere else. */
    public static final String SCHEDULING = "/aftercare/scheduling-service";

    /** {@code secret} sealed for the clinic's readers with the test key, as scheduling seals it on the topic. */
    public static String sealed(String clinicId, String secret) {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return io.aftercare.messaging.secrets.SecretBox
                .of(config.getValue("aftercare.secrets.current", String.class),
                        config.getValue("aftercare.secrets.keys", String.class))
                .seal(secret, "clinic-profiles:" + clinicId);
    }

    /** A profile as the contract has it, with one endpoint at {@code url} for the events given (JSON array items). */
    public static String profile(String clinicId, long version, String name, String url, String events) {
        return profile(clinicId, version, name, url, events, sealed(clinicId, SECRET));
    }

    /** As above, with the webhook's {@code secret} field as given (sealed or not). */
    public static String profile(String clinicId, long version, String name, String url, String events,
            String secretField) {
        return """
                {"clinicId": "%s", "version": %d, "name": "%s", "timeZone": "Europe/Madrid", "locale": "es",
                 "phone": "+34912345678", "sendWindow": {"start": "09:00", "end": "20:00"},
                 "sms": {"sender": "+34600111222", "messagesPerSecond": 10},
                 "emailSender": "cuidados@example.es", "alertEmail": "enfermeria@example.es",
                 "consentBasis": "healthcare-exemption",
                 "helpTexts": {"es": "%s: llamanos al +34912345678. Responde BAJA para no recibir mas mensajes."},
                 "webhooks": [{"id": "ep-1", "url": "%s", "secret": "%s", "events": [%s]}],
                 "updatedAt": "2026-11-29T15:30:00Z"}
                """.formatted(clinicId, version, name, name, url, secretField, events);
    }

    public static void publish(String bootstrapServers, String clinicId, long version, String json) {
        publishFrom(SCHEDULING, bootstrapServers, clinicId, version, json);
    }

    public static void publishFrom(String source, String bootstrapServers, String clinicId, long version,
            String json) {
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("clinic-profiles", clinicId, clinicId + ":" + version, ClinicProfileChanged.TYPE, json,
                    source);
        }
    }
}
