package io.aftercare.scheduling.service;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.scheduling.ClinicProfile;

/** Clinics' profiles: written by the operator, read by the clinic and by what plans for its patients. */
@ApplicationScoped
public class ClinicProfiles {

    /** A profile as written: the fields an operator sets. */
    public record Details(String name, String timeZone, String locale, String phone) {
    }

    /** @param created whether there was no profile before */
    public record Saved(ClinicProfile profile, boolean created) {
    }

    private final Clock clock;

    public ClinicProfiles(Clock clock) {
        this.clock = clock;
    }

    /** Writes the clinic's profile; an unchanged one keeps its version. */
    @Transactional
    public Saved put(String clinicId, Details details) {
        ClinicProfile profile = ClinicProfile.findById(clinicId);
        boolean created = profile == null;
        if (created) {
            profile = new ClinicProfile();
            profile.clinicId = clinicId;
        } else if (same(profile, details)) {
            return new Saved(profile, false);
        }
        profile.name = details.name();
        profile.timeZone = details.timeZone();
        profile.locale = details.locale();
        profile.phone = details.phone();
        profile.version++;
        profile.updatedAt = clock.instant();
        if (created) {
            profile.persist();
        }
        return new Saved(profile, created);
    }

    @Transactional
    public Optional<ClinicProfile> of(String clinicId) {
        return ClinicProfile.findByIdOptional(clinicId);
    }

    private static boolean same(ClinicProfile profile, Details details) {
        return profile.name.equals(details.name()) && profile.timeZone.equals(details.timeZone())
                && profile.locale.equals(details.locale()) && profile.phone.equals(details.phone());
    }
}
