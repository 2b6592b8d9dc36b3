package io.aftercare.guidance.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.guidance.ClinicOverride;
import io.aftercare.guidance.model.ClinicOverrideContent;
import io.aftercare.guidance.repository.ClinicOverrideRepository;
import io.aftercare.problem.NotFoundProblem;

/** Clinics' overrides as stored: at most one per clinic and treatment, kept as the JSON the clinic sent. */
@ApplicationScoped
public class ClinicOverrideStore {

    private final ClinicOverrideRepository overrides;
    private final ProtocolCodec codec;
    private final Clock clock;

    public ClinicOverrideStore(ClinicOverrideRepository overrides, ProtocolCodec codec, Clock clock) {
        this.overrides = overrides;
        this.codec = codec;
        this.clock = clock;
    }

    /** What became of a stored override: whether it is new (rather than a replacement), and when it changed. */
    public record Saved(boolean created, Instant at) {
    }

    @Transactional
    public Optional<ClinicOverrideContent> find(String clinicId, String treatment) {
        return overrides.find(clinicId, treatment).map(o -> codec.override(o.content()));
    }

    /** Creates the clinic's override of the treatment, or replaces it whole. It is not checked here. */
    @Transactional
    public Saved put(String clinicId, String treatment, ClinicOverrideContent content) {
        Optional<ClinicOverride> existing = overrides.find(clinicId, treatment);
        String stored = codec.write(content);
        Instant now = clock.instant();
        if (existing.isPresent()) {
            overrides.update(new ClinicOverride(existing.get().id(), clinicId, treatment, stored, now));
        } else {
            overrides.insert(new ClinicOverride(UUID.randomUUID(), clinicId, treatment, stored, now));
        }
        return new Saved(existing.isEmpty(), now);
    }

    /**
     * @return when it was removed
     * @throws NotFoundProblem when the clinic has no override of the treatment
     */
    @Transactional
    public Instant remove(String clinicId, String treatment) {
        overrides.delete(overrides.find(clinicId, treatment)
                .orElseThrow(() -> new NotFoundProblem("clinic " + clinicId + " has no override of " + treatment)));
        return clock.instant();
    }
}
