package io.aftercare.guidance.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.repository.InForceReader;
import io.aftercare.guidance.repository.ProtocolRepository;
import io.aftercare.problem.NotFoundProblem;

/**
 * Published versions of protocols, as they are read. Published versions are immutable; {@link ProtocolDrafts} edits
 * the next one and {@link ProtocolPublication} makes it a version.
 */
@ApplicationScoped
public class ProtocolService {

    private final ProtocolRepository protocols;
    private final PublishedVersions versions;
    private final InForceReader inForceReader;

    public ProtocolService(ProtocolRepository protocols, PublishedVersions versions, InForceReader inForceReader) {
        this.protocols = protocols;
        this.versions = versions;
        this.inForceReader = inForceReader;
    }

    public record Version(String treatment, int version, Instant publishedAt, ProtocolContent content) {
    }

    /** The version in force: its number from the database (a new publication is seen at once), its content cached. */
    @Transactional
    public Version latest(String treatment) {
        return versions.version(treatment,
                protocols.latestPublishedVersion(treatment).orElseThrow(() -> notFound(treatment)));
    }

    /** The version in force and the clinic's override of it as stored (null when it has none), read together. */
    public record WithOverride(Version version, String override) {
    }

    /**
     * {@link #latest} and the clinic's stored override, read by one statement and no transaction (a plan writes
     * nothing); the content of a version new to this instance is read once, in a transaction of its own.
     *
     * @param clinicId null for the base protocol alone
     */
    public WithOverride latest(String treatment, String clinicId) {
        InForceReader.InForce inForce = inForceReader.read(treatment, clinicId);
        if (inForce.version() == null) {
            throw notFound(treatment);
        }
        return new WithOverride(versions.version(treatment, inForce.version()), inForce.override());
    }

    @Transactional
    public Version version(String treatment, int version) {
        return versions.version(treatment, version);
    }

    @Transactional
    public List<Version> latestVersions(int page, int size) {
        return protocols.latestVersions(page, size).stream().map(versions::toVersion).toList();
    }

    @Transactional
    public long countTreatments() {
        return protocols.countTreatments();
    }

    static NotFoundProblem notFound(String treatment) {
        return new NotFoundProblem("no published protocol for treatment " + treatment);
    }
}
