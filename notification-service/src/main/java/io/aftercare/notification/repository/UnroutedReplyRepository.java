package io.aftercare.notification.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.UnroutedReply;

/**
 * The operator's queue of replies that belong to no clinic. An {@link UnroutedReply} read here is a copy: a change is
 * written by {@link #handled} or {@link #alerted}.
 */
@ApplicationScoped
public class UnroutedReplyRepository {

    private static final String COLUMNS = """
            SELECT id, message_sid, phone, sender, body, urgent, urgent_reason, received_at, handled_at, handled_by,
                   alerted_at
            FROM unrouted_reply""";

    private final Jdbc jdbc;

    public UnroutedReplyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the provider's message was filed before (a replayed webhook) */
    public boolean recordIfNew(UnroutedReply reply) {
        if (jdbc.first("SELECT 1 FROM unrouted_reply WHERE message_sid = ?", row -> true, reply.messageSid)
                .isPresent()) {
            return false;
        }
        jdbc.update("""
                INSERT INTO unrouted_reply (id, message_sid, phone, sender, body, urgent, urgent_reason, received_at,
                                            handled_at, handled_by, alerted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, reply.id, reply.messageSid, reply.phone, reply.sender, reply.body, reply.urgent,
                reply.urgentReason, reply.receivedAt, reply.handledAt, reply.handledBy, reply.alertedAt);
        return true;
    }

    public Optional<UnroutedReply> byId(UUID id) {
        return jdbc.first(COLUMNS + " WHERE id = ?", UnroutedReplyRepository::read, id);
    }

    /** Writes that the entry is handled, by whom and when. */
    public void handled(UnroutedReply reply) {
        jdbc.update("UPDATE unrouted_reply SET handled_at = ?, handled_by = ? WHERE id = ?", reply.handledAt,
                reply.handledBy, reply.id);
    }

    /** Writes when the operator was alerted of the entry. */
    public void alerted(UUID id, Instant at) {
        jdbc.update("UPDATE unrouted_reply SET alerted_at = ? WHERE id = ?", at, id);
    }

    /** Open entries, urgent first, then newest; one more than asked so that the caller knows whether more follow. */
    public List<UnroutedReply> open(int limit) {
        return jdbc.list(COLUMNS + " WHERE handled_at IS NULL ORDER BY urgent DESC, received_at DESC, id DESC LIMIT ?",
                UnroutedReplyRepository::read, limit + 1);
    }

    public List<UnroutedReply> unalerted(int limit) {
        return jdbc.list(COLUMNS + " WHERE urgent = true AND alerted_at IS NULL ORDER BY received_at LIMIT ?",
                UnroutedReplyRepository::read, limit);
    }

    /** Deletes at most {@code batch} entries received before {@code before}, as the inbox's retention does. */
    public int deleteReceivedBefore(Instant before, int batch) {
        return jdbc.update("""
                DELETE FROM unrouted_reply WHERE id IN (
                    SELECT id FROM unrouted_reply WHERE received_at < ? LIMIT ?)
                """, before, batch);
    }

    private static UnroutedReply read(ResultSet row) throws SQLException {
        UnroutedReply r = new UnroutedReply();
        r.id = Jdbc.uuid(row, "id");
        r.messageSid = row.getString("message_sid");
        r.phone = row.getString("phone");
        r.sender = row.getString("sender");
        r.body = row.getString("body");
        r.urgent = row.getBoolean("urgent");
        r.urgentReason = row.getString("urgent_reason");
        r.receivedAt = Jdbc.instant(row, "received_at");
        r.handledAt = Jdbc.instant(row, "handled_at");
        r.handledBy = row.getString("handled_by");
        r.alertedAt = Jdbc.instant(row, "alerted_at");
        return r;
    }
}
