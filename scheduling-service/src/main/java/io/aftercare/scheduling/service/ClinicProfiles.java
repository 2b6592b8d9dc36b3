package io.aftercare.scheduling.service;

import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.scheduling.ClinicProfile;
import io.aftercare.scheduling.ClinicWebhook;
import io.aftercare.scheduling.ConsentBasis;
import io.aftercare.scheduling.messaging.ClinicProfilePublisher;
import io.aftercare.scheduling.repository.BookingRepository;
import io.aftercare.scheduling.repository.ClinicProfileRepository;
import io.aftercare.scheduling.security.ClinicSecrets;

/**
 * Clinics' profiles: written by the operator, read by the clinic and by what plans for its patients, and published
 * whole on each change for the services that keep a copy (guidance, notification).
 */
@ApplicationScoped
public class ClinicProfiles {

    /** A profile as written: the fields an operator sets; optional ones are null (or empty) for the defaults. */
    public record Details(String name, String timeZone, String locale, String phone, LocalTime sendWindowStart,
            LocalTime sendWindowEnd, String smsSender, Integer smsPerSecond, String emailSender, String alertEmail,
            ConsentBasis consentBasis, Map<String, String> helpTexts, List<ClinicWebhook> webhooks,
            String fhirBaseUrl, String fhirAuthorization) {

        /** The stored profile as written, its secrets opened: what a new write is compared with. */
        static Details of(ClinicProfile profile, ClinicSecrets secrets) {
            return new Details(profile.name, profile.timeZone, profile.locale, profile.phone,
                    profile.sendWindowStart, profile.sendWindowEnd, profile.smsSender, profile.smsPerSecond,
                    profile.emailSender, profile.alertEmail, profile.consentBasis, profile.helpTexts,
                    secrets.openWebhooks(profile.clinicId, profile.webhooks), profile.fhirBaseUrl,
                    secrets.fhirAuthorization(profile));
        }
    }

    /** @param created whether there was no profile before */
    public record Saved(ClinicProfile profile, boolean created) {
    }

    private final ClinicProfilePublisher publisher;
    private final BookingRepository bookings;
    private final ClinicProfileRepository stored;
    private final ClinicSecrets secrets;
    private final Clock clock;

    public ClinicProfiles(ClinicProfilePublisher publisher, BookingRepository bookings, ClinicProfileRepository stored,
            ClinicSecrets secrets, Clock clock) {
        this.publisher = publisher;
        this.bookings = bookings;
        this.stored = stored;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Writes the clinic's profile and publishes it; an unchanged one keeps its version and is not published again. */
    @Transactional
    public Saved put(String clinicId, Details details) {
        ClinicProfile profile = stored.find(clinicId).orElse(null);
        boolean created = profile == null;
        if (created) {
            profile = new ClinicProfile();
            profile.clinicId = clinicId;
        } else if (Details.of(profile, secrets).equals(details)) {
            return new Saved(profile, false);
        }
        boolean textsChange = created || textsChange(profile, details);
        copy(details, profile);
        profile.version++;
        profile.updatedAt = clock.instant();
        if (created) {
            stored.insert(profile);
        } else {
            stored.update(profile);
        }
        if (textsChange) {
            // The name, phone, window and basis shape the texts, their times and their number: what is still to go is
            // planned again.
            bookings.replanClinic(clinicId, profile.updatedAt);
        }
        publisher.publish(profile, secrets.webhooksForTopic(profile));
        return new Saved(profile, created);
    }

    /** The name, phone, window and basis shape the texts, their times and their number. */
    private static boolean textsChange(ClinicProfile profile, Details details) {
        return !details.name().equals(profile.name) || !details.phone().equals(profile.phone)
                || !java.util.Objects.equals(details.sendWindowStart(), profile.sendWindowStart)
                || !java.util.Objects.equals(details.sendWindowEnd(), profile.sendWindowEnd)
                || details.consentBasis() != profile.consentBasis;
    }

    private void copy(Details details, ClinicProfile profile) {
        profile.name = details.name();
        profile.timeZone = details.timeZone();
        profile.locale = details.locale();
        profile.phone = details.phone();
        profile.sendWindowStart = details.sendWindowStart();
        profile.sendWindowEnd = details.sendWindowEnd();
        profile.smsSender = details.smsSender();
        profile.smsPerSecond = details.smsPerSecond();
        profile.emailSender = details.emailSender();
        profile.alertEmail = details.alertEmail();
        profile.consentBasis = details.consentBasis();
        profile.helpTexts = details.helpTexts();
        // Stored sealed: a copy of the database (a backup, its files) does not give away the clinic's secrets.
        profile.webhooks = secrets.sealWebhooks(profile.clinicId, details.webhooks());
        profile.fhirBaseUrl = details.fhirBaseUrl();
        profile.fhirAuthorization = secrets.sealFhirAuthorization(profile.clinicId, details.fhirAuthorization());
    }

    @Transactional
    public Optional<ClinicProfile> of(String clinicId) {
        return stored.find(clinicId);
    }
}
