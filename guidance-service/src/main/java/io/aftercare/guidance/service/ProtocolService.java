package io.aftercare.guidance.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.events.ProtocolPublished;
import io.aftercare.guidance.Protocol;
import io.aftercare.guidance.ProtocolStatus;
import io.aftercare.guidance.messaging.ProtocolPublishedPublisher;
import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.repository.ProtocolRepository;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.Problem.FieldError;
import io.aftercare.problem.UnprocessableException;

/** Drafts and published versions of protocols. Published versions are immutable; edits go to the draft. */
@ApplicationScoped
public class ProtocolService {

    private static final Logger LOG = Logger.getLogger(ProtocolService.class);

    private final ProtocolRepository protocols;
    private final ProtocolCodec codec;
    private final ContentValidator validator;
    private final PlanChecks planChecks;
    private final ProtocolPublishedPublisher events;
    private final Clock clock;
    private final PublishedVersions versions;

    public ProtocolService(ProtocolRepository protocols, ProtocolCodec codec, ContentValidator validator,
            PlanChecks planChecks, ProtocolPublishedPublisher events, PublishedVersions versions, Clock clock) {
        this.protocols = protocols;
        this.versions = versions;
        this.codec = codec;
        this.validator = validator;
        this.planChecks = planChecks;
        this.events = events;
        this.clock = clock;
    }

    public record Version(String treatment, int version, Instant publishedAt, ProtocolContent content) {
    }

    /** The version in force: its number from the database (a new publication is seen at once), its content cached. */
    @Transactional
    public Version latest(String treatment) {
        return versions.version(treatment,
                protocols.latestPublishedVersion(treatment).orElseThrow(() -> notFound(treatment)));
    }

    @Transactional
    public Version version(String treatment, int version) {
        return versions.version(treatment, version);
    }

    @Transactional
    public List<Version> latestVersions(int page, int size) {
        return protocols.latestVersions(page, size).stream().map(this::toVersion).toList();
    }

    @Transactional
    public long countTreatments() {
        return protocols.countTreatments();
    }

    @Transactional
    public Optional<ProtocolContent> draft(String treatment) {
        return protocols.draft(treatment).map(p -> codec.protocol(p.content));
    }

    /** Replaces the draft whole; it is checked when it is published. */
    @Transactional
    public ProtocolContent saveDraft(String treatment, ProtocolContent content) {
        protocols.lockTreatment(treatment);
        Protocol draft = protocols.draft(treatment).orElseGet(() -> newDraft(treatment));
        draft.content = codec.write(content);
        if (!draft.isPersistent()) {
            protocols.persist(draft);
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

    /**
     * Makes the draft version n+1 and announces it on Kafka. Refused, changing nothing, when the content breaks a rule
     * of {@link ContentValidator}.
     */
    @Transactional
    public Version publish(String treatment) {
        protocols.lockTreatment(treatment);
        Protocol draft = protocols.draft(treatment)
                .orElseThrow(() -> new NotFoundProblem("protocol " + treatment + " has no draft to publish"));
        ProtocolContent content = codec.protocol(draft.content);
        List<FieldError> errors = validator.validateProtocol(content);
        if (errors.isEmpty()) {
            errors = planChecks.check("rules", content);
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException("Protocol cannot be published",
                    "The draft breaks " + errors.size() + " rule(s) of publishable content.", errors);
        }
        int version = protocols.latestPublished(treatment).map(p -> p.version + 1).orElse(1);
        Protocol published = insertPublished(treatment, version, draft.content);
        protocols.delete(draft);
        events.publish(new ProtocolPublished(treatment, version, published.publishedAt,
                content.rules().stream().map(Rule::key).toList()));
        LOG.infof("published protocol %s version %d", treatment, version);
        return toVersion(published);
    }

    /**
     * Publishes the content the service ships with: as version 1 of a treatment that has none, or as the next version
     * when the latest one predates care moments (it has no message budget), so that a deployment's existing data
     * moves to the bundled plan on its first start after the upgrade. A version an editor published since is kept.
     */
    @Transactional
    public boolean publishInitialVersion(String treatment, ProtocolContent content) {
        protocols.lockTreatment(treatment);
        Optional<Protocol> latest = protocols.latestPublished(treatment);
        if (latest.isPresent() && codec.protocol(latest.get().content).budget() != null) {
            return false;
        }
        List<FieldError> errors = validator.validateProtocol(content);
        if (errors.isEmpty()) {
            errors = planChecks.check("rules", content);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the shipped " + treatment + " protocol is not publishable: " + errors);
        }
        int version = latest.map(p -> p.version + 1).orElse(1);
        Protocol published = insertPublished(treatment, version, codec.write(content));
        if (version > 1) {
            events.publish(new ProtocolPublished(treatment, version, published.publishedAt,
                    content.rules().stream().map(Rule::key).toList()));
        }
        return true;
    }

    private Protocol insertPublished(String treatment, int version, String content) {
        Protocol published = new Protocol();
        published.treatment = treatment;
        published.version = version;
        published.status = ProtocolStatus.PUBLISHED;
        published.content = content;
        published.createdAt = clock.instant();
        published.publishedAt = published.createdAt;
        protocols.persist(published);
        return published;
    }

    private ProtocolContent draftOrLatest(String treatment) {
        return protocols.draft(treatment)
                .or(() -> protocols.latestPublished(treatment))
                .map(p -> codec.protocol(p.content))
                .orElseThrow(() -> notFound(treatment));
    }

    private Protocol newDraft(String treatment) {
        Protocol draft = new Protocol();
        draft.treatment = treatment;
        draft.status = ProtocolStatus.DRAFT;
        draft.createdAt = clock.instant();
        return draft;
    }

    private Version toVersion(Protocol protocol) {
        return versions.toVersion(protocol);
    }

    static NotFoundProblem notFound(String treatment) {
        return new NotFoundProblem("no published protocol for treatment " + treatment);
    }
}
