package io.aftercare.scheduling.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.events.PatientReplied;
import io.aftercare.events.PatientReplyHandled;

/**
 * The replies waiting in the clinics' inboxes, as far as the ops page needs them: one row per reply with its clinic,
 * whether it is urgent, and when it was received and handled, kept from {@code patient-replies} and
 * {@code replies-handled} (the inbox itself, with the text, is notification's). Writing a row is idempotent on the
 * event: the key is the reply's id, which is the event id of {@code patient-replies}, and a reply is handled once. The
 * two topics are not ordered with each other, so either event may come first.
 */
@ApplicationScoped
public class InboxReplyRepository {

    /** Replies not yet handled, and how many of them are urgent. */
    public record Counts(long open, long urgent) {
    }

    private final Jdbc jdbc;

    public InboxReplyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void received(PatientReplied reply) {
        jdbc.sql("""
                INSERT INTO inbox_reply (reply_id, clinic_id, urgent, received_at)
                VALUES (:reply, :clinic, :urgent, :at)
                ON CONFLICT (reply_id) DO UPDATE SET received_at = EXCLUDED.received_at, urgent = EXCLUDED.urgent
                WHERE inbox_reply.received_at IS NULL
                """)
                .set("reply", reply.replyId())
                .set("clinic", reply.clinicId())
                .set("urgent", reply.urgent())
                .set("at", reply.receivedAt())
                .update();
    }

    @Transactional
    public void handled(PatientReplyHandled handled) {
        jdbc.sql("""
                INSERT INTO inbox_reply (reply_id, clinic_id, urgent, handled_at)
                VALUES (:reply, :clinic, :urgent, :at)
                ON CONFLICT (reply_id) DO UPDATE SET handled_at = EXCLUDED.handled_at
                WHERE inbox_reply.handled_at IS NULL
                """)
                .set("reply", handled.replyId())
                .set("clinic", handled.clinicId())
                .set("urgent", handled.urgent())
                .set("at", handled.handledAt())
                .update();
    }

    /** Of one clinic, or of all when {@code clinicId} is null; in the caller's transaction. */
    public Counts open(String clinicId) {
        Jdbc.Statement query = jdbc.sql("""
                SELECT count(*), count(*) FILTER (WHERE urgent) FROM inbox_reply
                WHERE handled_at IS NULL%s
                """.formatted(clinicId == null ? "" : " AND clinic_id = :clinic"));
        if (clinicId != null) {
            query.set("clinic", clinicId);
        }
        return query.first(row -> new Counts(row.getLong(1), row.getLong(2))).orElseThrow();
    }

    /**
     * Deletes up to {@code limit} replies received (or, never seen received, handled) before {@code before}, in a
     * transaction of its own: notification deletes its replies after the same time.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteOlderThan(Instant before, int limit) {
        return jdbc.sql("""
                DELETE FROM inbox_reply WHERE reply_id IN (
                    SELECT reply_id FROM inbox_reply WHERE coalesce(received_at, handled_at) < :before LIMIT :limit)
                """)
                .set("before", before)
                .set("limit", limit)
                .update();
    }
}
