package io.aftercare.guidance.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.guidance.Protocol;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;

@ApplicationScoped
public class ProtocolRepository implements PanacheRepositoryBase<Protocol, Long> {

    /** The newest version of each treatment's protocol, a page at a time. */
    public List<Protocol> latestVersions(int pageIndex, int pageSize) {
        return find("""
                from Protocol p
                where p.version = (select max(q.version) from Protocol q where q.treatment = p.treatment)
                order by p.treatment
                """).page(Page.of(pageIndex, pageSize)).list();
    }
}
