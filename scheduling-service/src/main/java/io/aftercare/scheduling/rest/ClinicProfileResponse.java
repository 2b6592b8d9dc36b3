package io.aftercare.scheduling.rest;

import java.time.Instant;

import io.aftercare.scheduling.ClinicProfile;

/** A clinic's profile as stored, with its version and when it last changed. */
public record ClinicProfileResponse(String clinicId, String name, String timeZone, String locale, String phone,
        int version, Instant updatedAt) {

    static ClinicProfileResponse of(ClinicProfile profile) {
        return new ClinicProfileResponse(profile.clinicId, profile.name, profile.timeZone, profile.locale,
                profile.phone, profile.version, profile.updatedAt);
    }
}
