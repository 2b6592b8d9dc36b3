package io.aftercare.notification;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.localstack.testing.CloudEventWriter;
import io.aftercare.notification.messaging.ClinicProfileChanged;
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

    /** A profile as the contract has it, with one endpoint at {@code url} for the events given (JSON array items). */
    public static String profile(String clinicId, long version, String name, String url, String events) {
        return """
                {"clinicId": "%s", "version": %d, "name": "%s", "timeZone": "Europe/Madrid", "locale": "es",
                 "phone": "+34912345678", "sendWindow": {"start": "09:00", "end": "20:00"},
                 "sms": {"sender": "+34600111222", "messagesPerSecond": 10},
                 "emailSender": "cuidados@example.es", "alertEmail": "enfermeria@example.es",
                 "consentBasis": "healthcare-exemption",
                 "helpTexts": {"es": "%s: llamanos al +34912345678. Responde BAJA para no recibir mas mensajes."},
                 "webhooks": [{"id": "ep-1", "url": "%s", "secret": "%s", "events": [%s]}],
                 "updatedAt": "2026-11-29T15:30:00Z"}
                """.formatted(clinicId, version, name, name, url, SECRET, events);
    }

    public static void publish(String bootstrapServers, String clinicId, long version, String json) {
        try (CloudEventWriter writer = new CloudEventWriter(bootstrapServers)) {
            writer.send("clinic-profiles", clinicId, clinicId + ":" + version, ClinicProfileChanged.TYPE, json);
        }
    }
}
