package io.aftercare.guidance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.guidance.model.ClinicOverrideContent;

/** The protocol in force for a clinic: the latest published version with the clinic's override, if it has one. */
@ApplicationScoped
public class EffectiveProtocols {

    private final ProtocolService protocols;
    private final ClinicOverrideStore overrides;

    public EffectiveProtocols(ProtocolService protocols, ClinicOverrideStore overrides) {
        this.protocols = protocols;
        this.overrides = overrides;
    }

    /** Without a clinic, the base protocol. */
    @Transactional
    public EffectiveProtocol effective(String treatment, String clinicId) {
        ProtocolService.Version base = protocols.latest(treatment);
        ClinicOverrideContent override = clinicId == null
                ? null
                : overrides.find(clinicId, treatment).orElse(null);
        return override == null
                ? OverrideMerger.unchanged(treatment, base, clinicId)
                : OverrideMerger.merged(treatment, base, clinicId, override);
    }
}
