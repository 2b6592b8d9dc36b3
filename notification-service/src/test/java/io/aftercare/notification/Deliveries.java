package io.aftercare.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.ReminderDue;
import io.aftercare.notification.repository.DeliveryRepository;

/** Reads deliveries as the tests need them, each read in a transaction of its own. */
@ApplicationScoped
public class Deliveries {

    private final DeliveryRepository repository;
    private final ObjectMapper json;
    private final DataSource dataSource;

    public Deliveries(DeliveryRepository repository, ObjectMapper json, DataSource dataSource) {
        this.repository = repository;
        this.json = json;
        this.dataSource = dataSource;
    }

    private static final Set<DeliveryStatus> UNFINISHED = Set.of(DeliveryStatus.PENDING, DeliveryStatus.RETRYING,
            DeliveryStatus.SENDING);

    /** The delivery once it left the pending and retrying states, else null. */
    @Transactional
    public Delivery settled(String eventId) {
        Delivery delivery = get(eventId);
        return delivery == null || UNFINISHED.contains(delivery.status) ? null : delivery;
    }

    @Transactional
    public Delivery get(String eventId) {
        return repository.byEventId(eventId).orElse(null);
    }

    @Transactional
    public List<DeliveryAttempt> attempts(Delivery delivery) {
        return repository.attemptsOf(delivery.id);
    }

    /**
     * The delivery of the event as a worker leaves it when it dies mid-call: SENDING since {@code since}, its lease
     * already over.
     */
    @Transactional
    public void abandonedMidSend(String eventId, String eventJson, Instant since) {
        heldMidSend(eventId, eventJson, since, null, Instant.now().minusSeconds(1));
    }

    /** The same, its lease held by {@code instance} until {@code leaseUntil}. */
    @Transactional
    public void heldMidSend(String eventId, String eventJson, Instant since, String instance, Instant leaseUntil) {
        try {
            ReminderDue event = json.readValue(eventJson, ReminderDue.class);
            repository.recordIfNew(eventId, DeliveryKind.REMINDER, event, eventJson, DeliveryStatus.SENDING, null,
                    leaseUntil, since);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Delivery delivery = repository.byEventId(eventId).orElseThrow();
        delivery.channel = DeliveryChannel.SMS;
        delivery.updatedAt = since;
        delivery.unconfirmedSince = since;
        delivery.leasedBy = instance;
        repository.saveAll(List.of(delivery));
    }

    /** Makes the delivery look last changed at {@code at}, as an old one would. */
    @Transactional
    public void lastChangedAt(String eventId, Instant at) {
        Delivery delivery = repository.byEventId(eventId).orElseThrow();
        delivery.updatedAt = at;
        repository.saveAll(List.of(delivery));
    }

    @Transactional
    public long attemptCount(UUID deliveryId) {
        return count("SELECT count(*) FROM delivery_attempt WHERE delivery_id = ?", deliveryId);
    }

    @Transactional
    public long count(String eventId) {
        return count("SELECT count(*) FROM delivery WHERE event_id = ?", eventId);
    }

    private long count(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
