package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.PatientReply;
import io.aftercare.notification.ReplyState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PatientReplyRepository implements PanacheRepositoryBase<PatientReply, UUID> {

    /** Where a page of the inbox starts: after this entry, in newest-first order. */
    public record Position(Instant receivedAt, UUID id) {
    }

    /** Inserts the reply unless its message was filed before (a provider retry). */
    public boolean recordIfNew(PatientReply reply) {
        if (find("messageSid", reply.messageSid).firstResultOptional().isPresent()) {
            return false;
        }
        persist(reply);
        return true;
    }

    /** A page of a clinic's inbox, newest first, one more than asked so that the caller knows whether more follow. */
    public List<PatientReply> page(String clinicId, ReplyState state, Position after, int limit) {
        if (after == null) {
            return find("clinicId = ?1 and state = ?2 order by receivedAt desc, id desc", clinicId, state)
                    .page(0, limit + 1).list();
        }
        return find("""
                clinicId = ?1 and state = ?2
                and (receivedAt < ?3 or (receivedAt = ?3 and id < ?4))
                order by receivedAt desc, id desc""", clinicId, state, after.receivedAt(), after.id())
                .page(0, limit + 1).list();
    }

    public Optional<PatientReply> inClinic(String clinicId, UUID id) {
        return find("id = ?1 and clinicId = ?2", id, clinicId).firstResultOptional();
    }

    /** Whether this booking's urgent conversation was already answered automatically within the window. */
    public boolean urgentAnswerSentSince(UUID bookingId, Instant since) {
        return count("bookingId = ?1 and urgent = true and answeredAt is not null and receivedAt > ?2", bookingId,
                since) > 0;
    }

    public List<PatientReply> unalerted(int limit) {
        return find("urgent = true and alertedAt is null order by receivedAt").page(0, limit).list();
    }

    /** Deletes at most {@code batch} replies received before {@code before}; small batches keep locks short. */
    public int deleteReceivedBefore(Instant before, int batch) {
        return getEntityManager().createNativeQuery("""
                DELETE FROM patient_reply WHERE id IN (
                    SELECT id FROM patient_reply WHERE received_at < :before LIMIT :batch)
                """).setParameter("before", before).setParameter("batch", batch).executeUpdate();
    }
}
