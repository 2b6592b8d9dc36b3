package io.aftercare.guidance.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.guidance.Protocol;
import io.aftercare.guidance.ProtocolStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;

@ApplicationScoped
public class ProtocolRepository implements PanacheRepositoryBase<Protocol, Long> {

    public Optional<Protocol> latestPublished(String treatment) {
        return find("treatment = ?1 and status = ?2 order by version desc", treatment, ProtocolStatus.PUBLISHED)
                .firstResultOptional();
    }

    /**
     * The number of the newest published version, without reading its content. Every plan asks it: plain SQL on the
     * partial index of published versions, so that Hibernate need not interpret a query each time.
     */
    public Optional<Integer> latestPublishedVersion(String treatment) {
        Object version = getEntityManager()
                .createNativeQuery("SELECT max(version) FROM protocol WHERE treatment = :treatment AND status = '"
                        + ProtocolStatus.PUBLISHED.name() + "'")
                .setParameter("treatment", treatment)
                .getSingleResult();
        return Optional.ofNullable(version).map(v -> ((Number) v).intValue());
    }

    public Optional<Protocol> published(String treatment, int version) {
        return find("treatment = ?1 and status = ?2 and version = ?3", treatment, ProtocolStatus.PUBLISHED, version)
                .firstResultOptional();
    }

    public Optional<Protocol> draft(String treatment) {
        return find("treatment = ?1 and status = ?2", treatment, ProtocolStatus.DRAFT).firstResultOptional();
    }

    /** The newest published version of each treatment, a page at a time. */
    public List<Protocol> latestVersions(int pageIndex, int pageSize) {
        return find(
                """
                        from Protocol p
                        where p.status = ?1
                          and p.version = (select max(q.version) from Protocol q where q.treatment = p.treatment and q.status = ?1)
                        order by p.treatment
                        """,
                ProtocolStatus.PUBLISHED).page(Page.of(pageIndex, pageSize)).list();
    }

    public long countTreatments() {
        return getEntityManager()
                .createQuery("select count(distinct p.treatment) from Protocol p where p.status = :status", Long.class)
                .setParameter("status", ProtocolStatus.PUBLISHED)
                .getSingleResult();
    }

    /** Serialises edits and publications of one treatment until the transaction ends. */
    public void lockTreatment(String treatment) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "protocol/" + treatment)
                .getSingleResult();
    }
}
