package io.aftercare.guidance.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.guidance.model.MessageBudget;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The plan a clinic's patient gets for a treatment: the protocol in force for the clinic, with the clinic's profile
 * (scheduling owns it and sends its name, phone, window and consent basis with each plan request) standing over the
 * override's values, which remain for clinics without a profile; computed by {@link PlanCalculator}, and counted.
 */
@ApplicationScoped
public class ClinicPlans {

    /** What the clinic's profile says, each null when the request did not say it. */
    public record Profile(String name, String phone, String consentBasis) {

        boolean healthcareExemption() {
            return "healthcare-exemption".equals(consentBasis);
        }
    }

    /** The plan, and the protocol and window it was computed with. */
    public record Planned(EffectiveProtocol protocol, PlanCalculator.Request request, PlanCalculator.Plan plan) {
    }

    private final EffectiveProtocols effectiveProtocols;
    private final PlanCalculator planner;
    private final MeterRegistry registry;

    public ClinicPlans(EffectiveProtocols effectiveProtocols, PlanCalculator planner, MeterRegistry registry) {
        this.effectiveProtocols = effectiveProtocols;
        this.planner = planner;
        this.registry = registry;
    }

    /** @param request without a window when the protocol's send window is to be used */
    public Planned plan(String treatment, String clinicId, Profile profile, PlanCalculator.Request request) {
        EffectiveProtocol protocol = withProfile(effectiveProtocols.effective(treatment, clinicId), profile);
        PlanCalculator.Request windowed = request.window() != null
                ? request
                : new PlanCalculator.Request(request.treatmentEnd(), request.zone(), request.locale(),
                        protocol.sendWindow(), request.firstName(), request.marketingConsent());
        PlanCalculator.Plan plan = planner.plan(protocol, windowed);
        registry.counter("aftercare.plans.computed", "treatment", treatment).increment();
        return new Planned(protocol, windowed, plan);
    }

    private static EffectiveProtocol withProfile(EffectiveProtocol protocol, Profile profile) {
        boolean exempt = profile.healthcareExemption();
        if (profile.name() == null && profile.phone() == null && !exempt) {
            return protocol;
        }
        return new EffectiveProtocol(protocol.treatment(), protocol.version(), protocol.clinicId(),
                profile.name() != null ? profile.name() : protocol.clinicName(), protocol.title(),
                protocol.defaultLocale(), protocol.sendWindow(), protocol.parameters(), protocol.rules(),
                profile.phone() != null ? profile.phone() : protocol.clinicPhone(),
                exempt ? protocol.budget().capped(MessageBudget.HEALTHCARE_EXEMPTION) : protocol.budget(),
                protocol.recommendsNextSession());
    }
}
