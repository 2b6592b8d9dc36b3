package io.aftercare.guidance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.guidance.Protocol;
import io.aftercare.guidance.repository.ProtocolRepository;
import io.aftercare.problem.NotFoundProblem;
import io.quarkus.cache.CacheResult;

/**
 * Published protocol versions, read and parsed once per version: a published version never changes (edits go to the
 * draft, publishing makes a new version), so nothing ever needs to be evicted for correctness, and every instance may
 * keep its own copy. Which version is in force is still asked of the database each time.
 */
@ApplicationScoped
public class PublishedVersions {

    static final String CACHE = "published-protocol-versions";

    private final ProtocolRepository protocols;
    private final ProtocolCodec codec;

    public PublishedVersions(ProtocolRepository protocols, ProtocolCodec codec) {
        this.protocols = protocols;
        this.codec = codec;
    }

    @CacheResult(cacheName = CACHE)
    @Transactional
    public ProtocolService.Version version(String treatment, int version) {
        return protocols.published(treatment, version)
                .map(this::toVersion)
                .orElseThrow(() -> new NotFoundProblem("no version " + version + " of protocol " + treatment));
    }

    ProtocolService.Version toVersion(Protocol protocol) {
        return new ProtocolService.Version(protocol.treatment(), protocol.version(), protocol.publishedAt(),
                codec.protocol(protocol.content()));
    }
}
