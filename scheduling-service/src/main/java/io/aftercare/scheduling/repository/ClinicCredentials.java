package io.aftercare.scheduling.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.scheduling.ClinicCredential;

/** The clinics' API keys, as stored: a SHA-256 of each secret, never the secret. */
@ApplicationScoped
public class ClinicCredentials {

    /** The clinic's keys, revoked ones too, oldest first. */
    public List<ClinicCredential> of(String clinicId) {
        return ClinicCredential.list("clinicId = ?1 order by createdAt", clinicId);
    }
}
