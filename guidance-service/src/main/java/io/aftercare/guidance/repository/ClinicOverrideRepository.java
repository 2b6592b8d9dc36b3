package io.aftercare.guidance.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.guidance.ClinicOverride;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ClinicOverrideRepository implements PanacheRepositoryBase<ClinicOverride, UUID> {

    public Optional<ClinicOverride> find(String clinicId, String treatment) {
        return find("clinicId = ?1 and treatment = ?2", clinicId, treatment).firstResultOptional();
    }
}
