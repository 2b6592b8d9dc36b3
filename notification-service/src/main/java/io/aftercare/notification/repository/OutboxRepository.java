package io.aftercare.notification.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code event_outbox}: the events a change announces, written in its transaction and published after commit. */
@ApplicationScoped
public class OutboxRepository {

    /** A row waiting to be published; its kind says which topic it goes to. */
    public record Row(long id, String kind, String payload) {
    }

    private final Jdbc jdbc;

    public OutboxRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** @param rows each a kind, a JSON payload and when it was written, in one round trip */
    public void insert(List<Object[]> rows) {
        jdbc.batch("INSERT INTO event_outbox (kind, payload, created_at) VALUES (?, ?, ?)", rows);
    }

    /** The oldest rows, at most {@code limit}, oldest first. */
    public List<Row> oldest(int limit) {
        return jdbc.list("SELECT id, kind, payload FROM event_outbox ORDER BY id LIMIT ?",
                r -> new Row(r.getLong(1), r.getString(2), r.getString(3)), limit);
    }

    public void delete(List<Long> ids) {
        jdbc.update("DELETE FROM event_outbox WHERE id = ANY (?)", ids);
    }
}
