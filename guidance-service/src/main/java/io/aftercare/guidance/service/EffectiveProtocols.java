package io.aftercare.guidance.service;

import jakarta.enterprise.context.ApplicationScoped;

/** The protocol in force for a clinic: the latest published version with the clinic's override, if it has one. */
@ApplicationScoped
public class EffectiveProtocols {

    private final ProtocolService protocols;
    private final ProtocolCodec codec;

    public EffectiveProtocols(ProtocolService protocols, ProtocolCodec codec) {
        this.protocols = protocols;
        this.codec = codec;
    }

    /**
     * Without a clinic, the base protocol. Which version is in force, and the override, are read afresh for every plan
     * on every instance: a publication or an override saved on any instance is in the next plan.
     */
    public EffectiveProtocol effective(String treatment, String clinicId) {
        ProtocolService.WithOverride inForce = protocols.latest(treatment, clinicId);
        return inForce.override() == null
                ? OverrideMerger.unchanged(treatment, inForce.version(), clinicId)
                : OverrideMerger.merged(treatment, inForce.version(), clinicId, codec.override(inForce.override()));
    }
}
