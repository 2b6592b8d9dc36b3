package io.aftercare.guidance.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.events.ProtocolPublished;
import io.aftercare.guidance.Protocol;
import io.aftercare.guidance.messaging.ProtocolPublishedPublisher;
import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.model.Rule;
import io.aftercare.guidance.repository.ProtocolRepository;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.Problem.FieldError;
import io.aftercare.problem.UnprocessableException;

/** Makes content a new published version, immutable from then on, and announces it on Kafka. */
@ApplicationScoped
public class ProtocolPublication {

    private static final Logger LOG = Logger.getLogger(ProtocolPublication.class);

    private final ProtocolRepository protocols;
    private final ProtocolCodec codec;
    private final PublishableContent publishable;
    private final ProtocolPublishedPublisher events;
    private final Clock clock;

    public ProtocolPublication(ProtocolRepository protocols, ProtocolCodec codec, PublishableContent publishable,
            ProtocolPublishedPublisher events, Clock clock) {
        this.protocols = protocols;
        this.codec = codec;
        this.publishable = publishable;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Makes the draft version n+1 and announces it on Kafka. Refused, changing nothing, when the content breaks a rule
     * of {@link ContentValidator}.
     */
    @Transactional
    public ProtocolService.Version publish(String treatment) {
        protocols.lockTreatment(treatment);
        Protocol draft = protocols.draft(treatment)
                .orElseThrow(() -> new NotFoundProblem("protocol " + treatment + " has no draft to publish"));
        ProtocolContent content = codec.protocol(draft.content());
        List<FieldError> errors = publishable.problems(content);
        if (!errors.isEmpty()) {
            throw new UnprocessableException("Protocol cannot be published",
                    "The draft breaks " + errors.size() + " rule(s) of publishable content.", errors);
        }
        int version = protocols.latestPublished(treatment).map(p -> p.version() + 1).orElse(1);
        Protocol published = insertPublished(treatment, version, draft.content());
        protocols.delete(draft);
        announce(treatment, version, published, content);
        LOG.infof("published protocol %s version %d", treatment, version);
        return new ProtocolService.Version(published.treatment(), published.version(), published.publishedAt(),
                codec.protocol(published.content()));
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
        if (latest.isPresent() && codec.protocol(latest.get().content()).budget() != null) {
            return false;
        }
        List<FieldError> errors = publishable.problems(content);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the shipped " + treatment + " protocol is not publishable: " + errors);
        }
        int version = latest.map(p -> p.version() + 1).orElse(1);
        Protocol published = insertPublished(treatment, version, codec.write(content));
        if (version > 1) {
            announce(treatment, version, published, content);
        }
        return true;
    }

    private void announce(String treatment, int version, Protocol published, ProtocolContent content) {
        events.publish(new ProtocolPublished(treatment, version, published.publishedAt(),
                content.rules().stream().map(Rule::key).toList()));
    }

    private Protocol insertPublished(String treatment, int version, String content) {
        return protocols.insert(Protocol.newPublished(treatment, version, content, clock.instant()));
    }
}
