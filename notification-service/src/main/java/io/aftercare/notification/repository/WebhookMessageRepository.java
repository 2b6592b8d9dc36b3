package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.security.WebhookSecrets;

/**
 * Messages to clinics' webhook endpoints and each attempt to deliver them. Enqueueing joins the transaction of a
 * delivery's outcome or a patient's reply.
 */
@ApplicationScoped
public class WebhookMessageRepository {

    /** A message claimed for an attempt, with where it goes now and its secret opened; null: its endpoint is gone. */
    public record Due(String id, String clinicId, String endpointId, String type, String url, String secret,
            String payload, int attempts) {
    }

    /** One attempt as the clinic reads it: the HTTP status, or the error when there was no answer. */
    public record Attempt(int attempt, Instant at, Integer httpStatus, String error, long durationMs) {
    }

    /** A message as the clinic reads it. */
    public record Message(String id, String type, String url, String state, Instant createdAt, Instant nextAttemptAt,
            List<Attempt> attempts) {
    }

    /** Where a page of messages ends, newest first. */
    public record Position(Instant createdAt, String id) {
    }

    private final Jdbc jdbc;
    private final WebhookSecrets secrets;

    public WebhookMessageRepository(Jdbc jdbc, WebhookSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /**
     * One message per endpoint of the clinic subscribed to the type, all with this body; each gets its own
     * {@code msg_} id, which every attempt keeps. Joins the caller's transaction.
     *
     * @return how many endpoints will get it
     */
    public int enqueue(String clinicId, String type, String payload, Instant firstAttemptAt, Instant now) {
        return jdbc.batch("""
                INSERT INTO webhook_message (id, clinic_id, endpoint_id, url, type, payload, state, attempts,
                                             next_attempt_at, created_at, updated_at)
                SELECT 'msg_' || replace(CAST(gen_random_uuid() AS text), '-', ''), clinic_id, endpoint_id, url, ?, ?,
                       'PENDING', 0, ?, ?, ?
                FROM clinic_webhook_endpoint WHERE clinic_id = ? AND ? = ANY (events)
                """, List.<Object[]>of(new Object[]{type, payload, firstAttemptAt, now, now, clinicId, type}))[0];
    }

    /**
     * One message to one endpoint of the clinic, whatever events it is subscribed to (a test the clinic's admin asked
     * for). Joins the caller's transaction.
     *
     * @return the message's id, or empty when the clinic has no such endpoint
     */
    public java.util.Optional<String> enqueueTo(String clinicId, String endpointId, String type, String payload,
            Instant firstAttemptAt, Instant now) {
        return jdbc.first("""
                INSERT INTO webhook_message (id, clinic_id, endpoint_id, url, type, payload, state, attempts,
                                             next_attempt_at, created_at, updated_at)
                SELECT 'msg_' || replace(CAST(gen_random_uuid() AS text), '-', ''), clinic_id, endpoint_id, url,
                       ?, ?, 'PENDING', 0, ?, ?, ?
                FROM clinic_webhook_endpoint WHERE clinic_id = ? AND endpoint_id = ?
                RETURNING id
                """, row -> row.getString(1), type, payload, firstAttemptAt, now, now, clinicId, endpointId);
    }

    /**
     * Claims due messages, skipping those another instance holds, and keeps them from everyone else until
     * {@code leaseUntil}: an instance that dies mid-call leaves them to be tried again then. At most
     * {@code perClinic} of one clinic, and none of the clinics in {@code busy} (those with as many in flight here
     * already), so that one clinic's backlog or slow endpoint cannot take every slot. Commit at once.
     */
    public List<Due> claimDue(Instant now, Instant leaseUntil, int limit, int perClinic, Collection<String> busy) {
        List<Due> due = jdbc.list("""
                SELECT m.id, m.clinic_id, m.endpoint_id, m.type, COALESCE(e.url, m.url), e.secret, m.payload,
                       m.attempts
                FROM webhook_message m
                LEFT JOIN clinic_webhook_endpoint e ON e.clinic_id = m.clinic_id AND e.endpoint_id = m.endpoint_id
                WHERE m.id IN (
                    SELECT id FROM (
                        SELECT id, next_attempt_at,
                               row_number() OVER (PARTITION BY clinic_id ORDER BY next_attempt_at) AS place
                        FROM webhook_message
                        WHERE state = 'PENDING' AND next_attempt_at <= ? AND clinic_id <> ALL (?)
                    ) ranked
                    WHERE place <= ?
                    ORDER BY next_attempt_at
                    LIMIT ?)
                  AND m.state = 'PENDING' AND m.next_attempt_at <= ?
                FOR UPDATE OF m SKIP LOCKED
                """, r -> new Due(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6) == null ? null : secrets.open(r.getString(2), r.getString(6)), r.getString(7),
                r.getInt(8)), now, List.copyOf(busy), perClinic, limit, now);
        if (!due.isEmpty()) {
            jdbc.update("UPDATE webhook_message SET next_attempt_at = ? WHERE id = ANY (?)", leaseUntil,
                    due.stream().map(Due::id).toList());
        }
        return due;
    }

    /**
     * Records an attempt and where the message stands after it: {@code nextAttemptAt} null ends it, as DELIVERED or
     * FAILED.
     */
    public void attempted(String messageId, Attempt attempt, String state, Instant nextAttemptAt, Instant now) {
        jdbc.batch("""
                INSERT INTO webhook_attempt (message_id, attempt, attempted_at, http_status, error, duration_ms)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, List.<Object[]>of(new Object[]{messageId, attempt.attempt(), attempt.at(), attempt.httpStatus(),
                attempt.error(), attempt.durationMs()}));
        jdbc.batch("""
                UPDATE webhook_message SET attempts = GREATEST(attempts, ?), state = ?, next_attempt_at = ?,
                                           updated_at = ?
                WHERE id = ?
                """, List.<Object[]>of(new Object[]{attempt.attempt(), state, nextAttemptAt, now, messageId}));
    }

    /**
     * A page of the clinic's messages, newest first, after the position given (or from the newest), with their
     * attempts; one more than asked, so that the caller knows whether more follow.
     */
    public List<Message> page(String clinicId, Position after, int limit) {
        String sql = """
                SELECT m.id, m.type, COALESCE(e.url, m.url), m.state, m.created_at, m.next_attempt_at
                FROM webhook_message m
                LEFT JOIN clinic_webhook_endpoint e ON e.clinic_id = m.clinic_id AND e.endpoint_id = m.endpoint_id
                WHERE m.clinic_id = ? %s
                ORDER BY m.created_at DESC, m.id DESC
                LIMIT ?
                """.formatted(after == null ? "" : "AND (m.created_at, m.id) < (?, ?)");
        Object[] parameters = after == null
                ? new Object[]{clinicId, limit + 1}
                : new Object[]{clinicId, after.createdAt(), after.id(), limit + 1};
        List<Message> rows = jdbc.list(sql, r -> new Message(r.getString(1), r.getString(2), r.getString(3),
                r.getString(4), Jdbc.instant(r, "created_at"), Jdbc.instant(r, "next_attempt_at"), List.of()),
                parameters);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Attempt>> attempts = attemptsOf(rows.stream().map(Message::id).toList());
        List<Message> messages = new ArrayList<>();
        for (Message m : rows) {
            messages.add(new Message(m.id(), m.type(), m.url(), m.state(), m.createdAt(), m.nextAttemptAt(),
                    attempts.getOrDefault(m.id(), List.of())));
        }
        return messages;
    }

    private Map<String, List<Attempt>> attemptsOf(List<String> messageIds) {
        Map<String, List<Attempt>> byMessage = new LinkedHashMap<>();
        jdbc.list("""
                SELECT message_id, attempt, attempted_at, http_status, error, duration_ms
                FROM webhook_attempt WHERE message_id = ANY (?) ORDER BY message_id, attempt
                """, r -> byMessage.computeIfAbsent(r.getString(1), id -> new ArrayList<>())
                .add(new Attempt(r.getInt(2), Jdbc.instant(r, "attempted_at"), Jdbc.integer(r, "http_status"),
                        r.getString(5), r.getLong(6))),
                messageIds);
        return byMessage;
    }

    /** Deletes up to {@code limit} delivered or failed messages last changed before the cutoff, with their attempts. */
    public int deleteFinishedBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                DELETE FROM webhook_message WHERE id IN (
                    SELECT id FROM webhook_message
                    WHERE state IN ('DELIVERED', 'FAILED') AND updated_at < ?
                    LIMIT ?)
                """, cutoff, limit);
    }
}
