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

    /**
     * Where a page of the inbox starts: after this entry, in the page's order.
     *
     * @param urgent the entry's urgency when the order is urgent first; null in newest-first order
     */
    public record Position(Instant receivedAt, UUID id, Boolean urgent) {
    }

    /** Inserts the reply unless its message was filed before (a provider retry). */
    public boolean recordIfNew(PatientReply reply) {
        if (find("messageSid", reply.messageSid).firstResultOptional().isPresent()) {
            return false;
        }
        persist(reply);
        return true;
    }

    /**
     * A page of a clinic's inbox, newest first (or urgent first, then newest), one more than asked so that the caller
     * knows whether more follow.
     */
    public List<PatientReply> page(String clinicId, ReplyState state, Position after, int limit,
            boolean urgentFirst) {
        String order = urgentFirst ? " order by urgent desc, receivedAt desc, id desc" : NEWEST;
        if (after == null) {
            return find("clinicId = ?1 and state = ?2" + order, clinicId, state).page(0, limit + 1).list();
        }
        String newer = "(receivedAt < ?3 or (receivedAt = ?3 and id < ?4))";
        String where = !urgentFirst || after.urgent() == null
                ? newer
                : after.urgent()
                        ? "(urgent = false or (urgent = true and " + newer + "))"
                        : "urgent = false and " + newer;
        return find("clinicId = ?1 and state = ?2 and " + where + order, clinicId, state, after.receivedAt(),
                after.id()).page(0, limit + 1).list();
    }

    private static final String NEWEST = " order by receivedAt desc, id desc";

    /** The clinic's entries that changed after {@code since}, oldest change first, at most {@code limit}. */
    public List<PatientReply> changedSince(String clinicId, Instant since, int limit) {
        return find("clinicId = ?1 and updatedAt > ?2 order by updatedAt, id", clinicId, since).page(0, limit).list();
    }

    /** How many of the clinic's replies are open, and how many of those urgent. */
    public long[] openCounts(String clinicId) {
        return new long[]{count("clinicId = ?1 and state = ?2", clinicId, ReplyState.OPEN),
                count("clinicId = ?1 and state = ?2 and urgent = true", clinicId, ReplyState.OPEN)};
    }

    /** The patient's replies under a booking, first to last. */
    public List<PatientReply> ofBooking(String clinicId, UUID bookingId) {
        return list("clinicId = ?1 and bookingId = ?2 order by receivedAt, id", clinicId, bookingId);
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
