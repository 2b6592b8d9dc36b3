package io.aftercare.notification.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.ConsoleMessage;

/** The console provider's outbox: what patients would have received on a local run. */
@ApplicationScoped
public class ConsoleMessageRepository {

    private static final String COLUMNS = "SELECT id, recipient, body, reference, sent_at FROM console_message";

    private final Jdbc jdbc;

    public ConsoleMessageRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ConsoleMessage message) {
        jdbc.update("INSERT INTO console_message (id, recipient, body, reference, sent_at) VALUES (?, ?, ?, ?, ?)",
                message.id(), message.recipient(), message.body(), message.reference(), message.sentAt());
    }

    /** The newest messages, at most {@code limit}. */
    public List<ConsoleMessage> latest(int limit) {
        return jdbc.list(COLUMNS + " ORDER BY sent_at DESC LIMIT ?", ConsoleMessageRepository::read, limit);
    }

    /** The message sent under our reference to this number, if any. */
    public Optional<ConsoleMessage> sent(String reference, String to) {
        return jdbc.first(COLUMNS + " WHERE reference = ? AND recipient = ? LIMIT 1", ConsoleMessageRepository::read,
                reference, to);
    }

    private static ConsoleMessage read(ResultSet row) throws SQLException {
        return new ConsoleMessage(Jdbc.uuid(row, "id"), row.getString("recipient"), row.getString("body"),
                row.getString("reference"), Jdbc.instant(row, "sent_at"));
    }
}
