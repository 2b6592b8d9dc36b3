package io.aftercare.guidance.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.aftercare.guidance.model.ClinicOverrideContent;
import io.aftercare.guidance.model.ConsentBasis;
import io.aftercare.guidance.model.MessageBudget;
import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.model.SendWindow;

/** Lays a clinic's override over a base protocol: the same merge for what is in force and for checking an override. */
final class OverrideMerger {

    private OverrideMerger() {
    }

    /** The base protocol as it stands for a clinic without an override, or for no clinic at all. */
    static EffectiveProtocol unchanged(String treatment, ProtocolService.Version base, String clinicId) {
        ProtocolContent content = base.content();
        return new EffectiveProtocol(treatment, base.version(), clinicId, null, content.title(),
                content.defaultLocale(), SendWindow.DEFAULT, content.parameters(), content.rules(), null,
                content.effectiveBudget(), false);
    }

    /** The base protocol with the clinic's override laid over it. */
    static EffectiveProtocol merged(String treatment, ProtocolService.Version base, String clinicId,
            ClinicOverrideContent override) {
        return merged(treatment, base.version(), clinicId, base.content(), override,
                Boolean.TRUE.equals(override.recommendsNextSession()));
    }

    static EffectiveProtocol merged(String treatment, int version, String clinicId, ProtocolContent base,
            ClinicOverrideContent override, boolean recommendsNextSession) {
        return new EffectiveProtocol(treatment, version, clinicId, override.clinicName(), base.title(),
                base.defaultLocale(), override.sendWindow() != null ? override.sendWindow() : SendWindow.DEFAULT,
                parameters(base, override), rules(base, override), override.phone(), budget(base, override),
                recommendsNextSession);
    }

    /** The clinic's values over the protocol's. */
    static Map<String, Integer> parameters(ProtocolContent base, ClinicOverrideContent override) {
        Map<String, Integer> parameters = new HashMap<>(base.parameters());
        if (override.parameters() != null) {
            parameters.putAll(override.parameters());
        }
        return parameters;
    }

    /** The protocol's rules the clinic did not disable, in their order, then the clinic's own. */
    static List<Rule> rules(ProtocolContent base, ClinicOverrideContent override) {
        Set<String> disabled = override.disabledRules() == null ? Set.of() : Set.copyOf(override.disabledRules());
        List<Rule> rules = new ArrayList<>(base.rules().stream().filter(r -> !disabled.contains(r.key())).toList());
        if (override.addedRules() != null) {
            rules.addAll(override.addedRules());
        }
        return rules;
    }

    /** The protocol's budget, then the clinic's, then the cap its consent basis sets. */
    static MessageBudget budget(ProtocolContent base, ClinicOverrideContent override) {
        MessageBudget budget = base.effectiveBudget().with(override.budget());
        return override.consentBasis() == ConsentBasis.HEALTHCARE_EXEMPTION
                ? budget.capped(MessageBudget.HEALTHCARE_EXEMPTION)
                : budget;
    }
}
