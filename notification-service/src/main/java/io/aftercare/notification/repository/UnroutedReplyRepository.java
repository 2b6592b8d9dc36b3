package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.UnroutedReply;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The operator's queue of replies that belong to no clinic. */
@ApplicationScoped
public class UnroutedReplyRepository implements PanacheRepositoryBase<UnroutedReply, UUID> {

    /** @return false when the provider's message was filed before (a replayed webhook) */
    public boolean recordIfNew(UnroutedReply reply) {
        if (find("messageSid", reply.messageSid).firstResultOptional().isPresent()) {
            return false;
        }
        persist(reply);
        return true;
    }

    /** Open entries, urgent first, then newest; one more than asked so that the caller knows whether more follow. */
    public List<UnroutedReply> open(int limit) {
        return find("handledAt is null order by urgent desc, receivedAt desc, id desc").page(0, limit + 1).list();
    }

    public List<UnroutedReply> unalerted(int limit) {
        return find("urgent = true and alertedAt is null order by receivedAt").page(0, limit).list();
    }

    /** Deletes at most {@code batch} entries received before {@code before}, as the inbox's retention does. */
    public int deleteReceivedBefore(Instant before, int batch) {
        return getEntityManager().createNativeQuery("""
                DELETE FROM unrouted_reply WHERE id IN (
                    SELECT id FROM unrouted_reply WHERE received_at < :before LIMIT :batch)
                """).setParameter("before", before).setParameter("batch", batch).executeUpdate();
    }
}
