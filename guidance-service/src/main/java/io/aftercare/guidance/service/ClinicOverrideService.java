package io.aftercare.guidance.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.events.ProtocolPublished;
import io.aftercare.guidance.messaging.ProtocolPublishedPublisher;
import io.aftercare.guidance.model.ClinicOverrideContent;
import io.aftercare.guidance.model.Rule;
import io.aftercare.problem.Problem.FieldError;
import io.aftercare.problem.UnprocessableException;

/**
 * Clinics' departures from the base protocols as an admin edits them: checked against the latest version, stored, and
 * announced so that the clinic's plans follow. {@link EffectiveProtocols} gives the protocol they make.
 */
@ApplicationScoped
public class ClinicOverrideService {

    private final ClinicOverrideStore overrides;
    private final ProtocolService protocols;
    private final OverrideValidator validator;
    private final ProtocolPublishedPublisher events;

    public ClinicOverrideService(ClinicOverrideStore overrides, ProtocolService protocols, OverrideValidator validator,
            ProtocolPublishedPublisher events) {
        this.overrides = overrides;
        this.protocols = protocols;
        this.validator = validator;
        this.events = events;
    }

    public Optional<ClinicOverrideContent> find(String clinicId, String treatment) {
        return overrides.find(clinicId, treatment);
    }

    /**
     * Stores the override if the effective protocol it makes is still publishable.
     *
     * @return whether it was created (rather than replaced)
     */
    @Transactional
    public boolean save(String clinicId, String treatment, ClinicOverrideContent content) {
        List<FieldError> errors = validator.validate(protocols.latest(treatment).content(), content);
        if (!errors.isEmpty()) {
            throw new UnprocessableException("Override refused",
                    "The override breaks " + errors.size() + " rule(s) of the protocol.", errors);
        }
        ClinicOverrideStore.Saved saved = overrides.put(clinicId, treatment, content);
        announce(clinicId, treatment, saved.at());
        return saved.created();
    }

    @Transactional
    public void delete(String clinicId, String treatment) {
        announce(clinicId, treatment, overrides.remove(clinicId, treatment));
    }

    /** The clinic's plans still ahead follow the change: scheduling re-plans them. */
    private void announce(String clinicId, String treatment, Instant at) {
        ProtocolService.Version base = protocols.latest(treatment);
        events.publish(new ProtocolPublished(treatment, base.version(), at,
                base.content().rules().stream().map(Rule::key).toList(), clinicId));
    }
}
