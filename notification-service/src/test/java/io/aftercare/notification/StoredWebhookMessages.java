package io.aftercare.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.notification.repository.WebhookMessageRepository;

/** Webhook messages as the tests need to age them, each change in a transaction of its own. */
@ApplicationScoped
public class StoredWebhookMessages {

    private final DataSource dataSource;
    private final WebhookMessageRepository messages;

    public StoredWebhookMessages(DataSource dataSource, WebhookMessageRepository messages) {
        this.dataSource = dataSource;
        this.messages = messages;
    }

    /**
     * A {@code patient.replied} message for each of the clinic's endpoints subscribed to it, due now, enqueued the way
     * a filed reply enqueues it.
     */
    @Transactional
    public int replied(String clinicId, String text) {
        Instant now = Instant.now();
        return messages.enqueue(clinicId, "patient.replied",
                "{\"type\": \"patient.replied\", \"timestamp\": \"" + now + "\", \"data\": {\"text\": \"" + text
                        + "\"}}",
                now, now);
    }

    /** Makes the message look last changed at {@code at}, as an old one would. */
    @Transactional
    public void lastChangedAt(String messageId, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection
                        .prepareStatement("UPDATE webhook_message SET updated_at = ? WHERE id = ?")) {
            update.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            update.setString(2, messageId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public boolean exists(String messageId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT 1 FROM webhook_message WHERE id = ?")) {
            query.setString(1, messageId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
