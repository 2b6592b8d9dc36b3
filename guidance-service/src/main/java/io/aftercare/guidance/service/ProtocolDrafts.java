package io.aftercare.guidance.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.guidance.Protocol;
import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.repository.ProtocolRepository;
import io.aftercare.problem.NotFoundProblem;

/**
 * The draft of a protocol's next version: at most one per treatment, edited whole or rule by rule, and not checked
 * until {@link ProtocolPublication} publishes it.
 */
@ApplicationScoped
public class ProtocolDrafts {

    private final ProtocolRepository protocols;
    private final ProtocolCodec codec;
    private final Clock clock;

    public ProtocolDrafts(ProtocolRepository protocols, ProtocolCodec codec, Clock clock) {
        this.protocols = protocols;
        this.codec = codec;
        this.clock = clock;
    }

    @Transactional
    public Optional<ProtocolContent> draft(String treatment) {
        return protocols.draft(treatment).map(p -> codec.protocol(p.content()));
    }

    /** Replaces the draft whole; it is checked when it is published. */
    @Transactional
    public ProtocolContent saveDraft(String treatment, ProtocolContent content) {
        protocols.lockTreatment(treatment);
        String stored = codec.write(content);
        Optional<Protocol> draft = protocols.draft(treatment);
        if (draft.isPresent()) {
            protocols.updateDraftContent(draft.get().id(), stored);
        } else {
            protocols.insert(Protocol.newDraft(treatment, stored, clock.instant()));
        }
        return content;
    }

    /** Adds or replaces one rule of the draft, starting the draft from the latest version if there is none. */
    @Transactional
    public ProtocolContent saveDraftRule(String treatment, Rule rule) {
        ProtocolContent draft = draftOrLatest(treatment);
        List<Rule> rules = new ArrayList<>(draft.rules() == null ? List.of() : draft.rules());
        rules.removeIf(r -> r.key() != null && r.key().equals(rule.key()));
        rules.add(rule);
        return saveDraft(treatment,
                new ProtocolContent(draft.title(), draft.defaultLocale(), draft.parameters(), rules, draft.budget()));
    }

    @Transactional
    public ProtocolContent deleteDraftRule(String treatment, String ruleKey) {
        ProtocolContent draft = draftOrLatest(treatment);
        List<Rule> rules = new ArrayList<>(draft.rules() == null ? List.of() : draft.rules());
        if (!rules.removeIf(r -> ruleKey.equals(r.key()))) {
            throw new NotFoundProblem("protocol " + treatment + " has no rule " + ruleKey);
        }
        return saveDraft(treatment,
                new ProtocolContent(draft.title(), draft.defaultLocale(), draft.parameters(), rules, draft.budget()));
    }

    @Transactional
    public void discardDraft(String treatment) {
        protocols.lockTreatment(treatment);
        protocols.delete(
                protocols.draft(treatment).orElseThrow(() -> new NotFoundProblem("no draft of " + treatment)));
    }

    private ProtocolContent draftOrLatest(String treatment) {
        return protocols.draft(treatment)
                .or(() -> protocols.latestPublished(treatment))
                .map(p -> codec.protocol(p.content()))
                .orElseThrow(() -> ProtocolService.notFound(treatment));
    }
}
