package io.aftercare.notification.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.PatientReplied;
import io.aftercare.events.PatientReplyHandled;
import io.aftercare.events.RecipientPreferenceChanged;
import io.aftercare.notification.repository.OutboxRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Publishes the outbox, oldest first, and deletes what the broker acknowledged. While Kafka is away the rows wait; a
 * crash between publishing and deleting publishes some again, which consumers, idempotent on the CloudEvent id,
 * ignore; so do rows two instances happen to publish both.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private record Row(long id, EventOutbox.Kind kind, String payload) {
    }

    private final OutboxRepository outbox;
    private final OutboundEvents events;
    private final ObjectMapper json;

    public OutboxRelay(OutboxRepository outbox, OutboundEvents events, ObjectMapper json) {
        this.outbox = outbox;
        this.events = events;
        this.json = json;
    }

    @Scheduled(every = "${aftercare.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            while (relayBatch() == BATCH) {
                // a backlog: go on at once
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay: %s; the rows wait for the next round", e.toString());
        }
    }

    /** @return how many rows were published and deleted */
    int relayBatch() {
        List<Row> rows = QuarkusTransaction.requiringNew().call(this::oldest);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> sends = new ArrayList<>();
        for (Row row : rows) {
            sends.add(publish(row));
        }
        Uni.join().all(sends).andFailFast().await().atMost(ACK_TIMEOUT);
        List<Long> ids = rows.stream().map(Row::id).toList();
        QuarkusTransaction.requiringNew().run(() -> outbox.delete(ids));
        return rows.size();
    }

    private List<Row> oldest() {
        return outbox.oldest(BATCH)
                .stream()
                .map(r -> new Row(r.id(), EventOutbox.Kind.valueOf(r.kind()), r.payload()))
                .toList();
    }

    private Uni<Void> publish(Row row) {
        try {
            return switch (row.kind()) {
                case STATUS -> {
                    EventOutbox.StatusEntry entry = json.readValue(row.payload(), EventOutbox.StatusEntry.class);
                    yield events.status(entry.deliveryEventId(), entry.status());
                }
                case PREFERENCE -> events.preference(json.readValue(row.payload(), RecipientPreferenceChanged.class));
                case PATIENT_REPLIED -> events.reply(json.readValue(row.payload(), PatientReplied.class));
                case REPLY_HANDLED -> events.handled(json.readValue(row.payload(), PatientReplyHandled.class));
                case DEAD_LETTER -> {
                    EventOutbox.DeadLetterEntry entry = json.readValue(row.payload(),
                            EventOutbox.DeadLetterEntry.class);
                    yield events.deadLetter(entry.eventId(), entry.bookingId(), entry.eventJson(), entry.reason(),
                            entry.attempts());
                }
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox row this service wrote cannot be read", e);
        }
    }
}
