package io.aftercare.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.notification.repository.PatientReplyRepository;

/** Reads and ages patients' replies as the tests need, each in a transaction of its own. */
@ApplicationScoped
public class Replies {

    private final PatientReplyRepository repository;
    private final DataSource dataSource;

    public Replies(PatientReplyRepository repository, DataSource dataSource) {
        this.repository = repository;
        this.dataSource = dataSource;
    }

    /** Every clinic's replies under the booking, first to last. */
    @Transactional
    public List<PatientReply> ofBooking(UUID bookingId) {
        List<PatientReply> replies = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection
                        .prepareStatement("SELECT id FROM patient_reply WHERE booking_id = ? ORDER BY received_at")) {
            query.setObject(1, bookingId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    replies.add(repository.byId(rows.getObject(1, UUID.class)).orElseThrow());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return replies;
    }

    @Transactional
    public void receivedAt(UUID replyId, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection
                        .prepareStatement("UPDATE patient_reply SET received_at = ? WHERE id = ?")) {
            update.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            update.setObject(2, replyId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no reply " + replyId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public boolean exists(UUID replyId) {
        return repository.byId(replyId).isPresent();
    }
}
