package io.aftercare.notification.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.aftercare.notification.security.WebhookSecrets;

/**
 * Messages to clinics' webhook endpoints and each attempt to deliver them. Written with JDBC on the transaction's
 * connection: enqueueing joins the transaction of a delivery's outcome or a patient's reply without making Hibernate
 * flush what that transaction holds.
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

    private final EntityManager entityManager;
    private final WebhookSecrets secrets;

    public WebhookMessageRepository(EntityManager entityManager, WebhookSecrets secrets) {
        this.entityManager = entityManager;
        this.secrets = secrets;
    }

    /**
     * One message per endpoint of the clinic subscribed to the type, all with this body; each gets its own
     * {@code msg_} id, which every attempt keeps. Joins the caller's transaction.
     *
     * @return how many endpoints will get it
     */
    public int enqueue(String clinicId, String type, String payload, Instant firstAttemptAt, Instant now) {
        return JdbcBatch.execute(entityManager, """
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
    @SuppressWarnings("unchecked")
    public java.util.Optional<String> enqueueTo(String clinicId, String endpointId, String type, String payload,
            Instant firstAttemptAt, Instant now) {
        List<Object> ids = entityManager.createNativeQuery("""
                INSERT INTO webhook_message (id, clinic_id, endpoint_id, url, type, payload, state, attempts,
                                             next_attempt_at, created_at, updated_at)
                SELECT 'msg_' || replace(CAST(gen_random_uuid() AS text), '-', ''), clinic_id, endpoint_id, url,
                       :type, :payload, 'PENDING', 0, :first, :now, :now
                FROM clinic_webhook_endpoint WHERE clinic_id = :clinic AND endpoint_id = :endpoint
                RETURNING id
                """)
                .setParameter("type", type)
                .setParameter("payload", payload)
                .setParameter("first", firstAttemptAt)
                .setParameter("now", now)
                .setParameter("clinic", clinicId)
                .setParameter("endpoint", endpointId)
                .getResultList();
        return ids.stream().findFirst().map(Object::toString);
    }

    /**
     * Claims due messages, skipping those another instance holds, and keeps them from everyone else until
     * {@code leaseUntil}: an instance that dies mid-call leaves them to be tried again then. At most
     * {@code perClinic} of one clinic, and none of the clinics in {@code busy} (those with as many in flight here
     * already), so that one clinic's backlog or slow endpoint cannot take every slot. Commit at once.
     */
    @SuppressWarnings("unchecked")
    public List<Due> claimDue(Instant now, Instant leaseUntil, int limit, int perClinic, Collection<String> busy) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT m.id, m.clinic_id, m.endpoint_id, m.type, COALESCE(e.url, m.url), e.secret, m.payload,
                       m.attempts
                FROM webhook_message m
                LEFT JOIN clinic_webhook_endpoint e ON e.clinic_id = m.clinic_id AND e.endpoint_id = m.endpoint_id
                WHERE m.id IN (
                    SELECT id FROM (
                        SELECT id, next_attempt_at,
                               row_number() OVER (PARTITION BY clinic_id ORDER BY next_attempt_at) AS place
                        FROM webhook_message
                        WHERE state = 'PENDING' AND next_attempt_at <= :now AND clinic_id NOT IN (:busy)
                    ) ranked
                    WHERE place <= :perClinic
                    ORDER BY next_attempt_at
                    LIMIT :limit)
                  AND m.state = 'PENDING' AND m.next_attempt_at <= :now
                FOR UPDATE OF m SKIP LOCKED
                """).setParameter("now", now).setParameter("limit", limit).setParameter("perClinic", perClinic)
                // No clinic's id is empty: the list is never empty, which SQL's IN cannot take.
                .setParameter("busy", busy.isEmpty() ? List.of("") : List.copyOf(busy))
                .getResultList();
        List<Due> due = rows.stream()
                .map(r -> new Due((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        r[5] == null ? null : secrets.open((String) r[1], (String) r[5]), (String) r[6],
                        ((Number) r[7]).intValue()))
                .toList();
        if (!due.isEmpty()) {
            entityManager.createNativeQuery("UPDATE webhook_message SET next_attempt_at = :lease WHERE id IN (:ids)")
                    .setParameter("lease", leaseUntil)
                    .setParameter("ids", due.stream().map(Due::id).toList())
                    .executeUpdate();
        }
        return due;
    }

    /**
     * Records an attempt and where the message stands after it: {@code nextAttemptAt} null ends it, as DELIVERED or
     * FAILED.
     */
    public void attempted(String messageId, Attempt attempt, String state, Instant nextAttemptAt, Instant now) {
        JdbcBatch.execute(entityManager, """
                INSERT INTO webhook_attempt (message_id, attempt, attempted_at, http_status, error, duration_ms)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, List.<Object[]>of(new Object[]{messageId, attempt.attempt(), attempt.at(), attempt.httpStatus(),
                attempt.error(), attempt.durationMs()}));
        JdbcBatch.execute(entityManager, """
                UPDATE webhook_message SET attempts = GREATEST(attempts, ?), state = ?, next_attempt_at = ?,
                                           updated_at = ?
                WHERE id = ?
                """, List.<Object[]>of(new Object[]{attempt.attempt(), state, nextAttemptAt, now, messageId}));
    }

    /**
     * A page of the clinic's messages, newest first, after the position given (or from the newest), with their
     * attempts; one more than asked, so that the caller knows whether more follow.
     */
    @SuppressWarnings("unchecked")
    public List<Message> page(String clinicId, Position after, int limit) {
        var query = entityManager.createNativeQuery("""
                SELECT m.id, m.type, COALESCE(e.url, m.url), m.state, m.created_at, m.next_attempt_at
                FROM webhook_message m
                LEFT JOIN clinic_webhook_endpoint e ON e.clinic_id = m.clinic_id AND e.endpoint_id = m.endpoint_id
                WHERE m.clinic_id = :clinic %s
                ORDER BY m.created_at DESC, m.id DESC
                LIMIT :limit
                """.formatted(after == null ? "" : "AND (m.created_at, m.id) < (:afterAt, :afterId)"))
                .setParameter("clinic", clinicId)
                .setParameter("limit", limit + 1);
        if (after != null) {
            query.setParameter("afterAt", after.createdAt()).setParameter("afterId", after.id());
        }
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Attempt>> attempts = attemptsOf(rows.stream().map(r -> (String) r[0]).toList());
        List<Message> messages = new ArrayList<>();
        for (Object[] r : rows) {
            String id = (String) r[0];
            messages.add(new Message(id, (String) r[1], (String) r[2], (String) r[3], (Instant) r[4],
                    (Instant) r[5], attempts.getOrDefault(id, List.of())));
        }
        return messages;
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<Attempt>> attemptsOf(List<String> messageIds) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT message_id, attempt, attempted_at, http_status, error, duration_ms
                FROM webhook_attempt WHERE message_id IN (:ids) ORDER BY message_id, attempt
                """).setParameter("ids", messageIds).getResultList();
        Map<String, List<Attempt>> byMessage = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byMessage.computeIfAbsent((String) r[0], id -> new ArrayList<>())
                    .add(new Attempt(((Number) r[1]).intValue(), (Instant) r[2],
                            r[3] == null ? null : ((Number) r[3]).intValue(), (String) r[4],
                            ((Number) r[5]).longValue()));
        }
        return byMessage;
    }

    /** Deletes up to {@code limit} delivered or failed messages last changed before the cutoff, with their attempts. */
    public int deleteFinishedBefore(Instant cutoff, int limit) {
        return entityManager.createNativeQuery("""
                DELETE FROM webhook_message WHERE id IN (
                    SELECT id FROM webhook_message
                    WHERE state IN ('DELIVERED', 'FAILED') AND updated_at < :cutoff
                    LIMIT :limit)
                """).setParameter("cutoff", cutoff).setParameter("limit", limit).executeUpdate();
    }
}
