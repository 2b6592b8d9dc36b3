package io.aftercare.notification.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.NotificationStatus;
import io.aftercare.events.PatientReplied;
import io.aftercare.events.PatientReplyHandled;
import io.aftercare.events.RecipientPreferenceChanged;
import io.aftercare.notification.repository.OutboxRepository;

/**
 * Writes the events a change has to announce into the outbox, in the transaction of the change: a delivery's status,
 * a patient's opt-out or opt-in, a reminder given up, a patient's reply and its handling. {@link OutboxRelay} publishes them after commit.
 */
@ApplicationScoped
public class EventOutbox {

    /** What a row holds, and so which topic it goes to. */
    public enum Kind {
        STATUS, PREFERENCE, DEAD_LETTER, PATIENT_REPLIED, REPLY_HANDLED
    }

    /** A status, with the delivery event id its CloudEvent id is made from. */
    public record StatusEntry(String deliveryEventId, NotificationStatus status) {
    }

    /** A reminder given up: the event as received, and why. */
    public record DeadLetterEntry(String eventId, String bookingId, String eventJson, String reason, int attempts) {
    }

    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final Clock clock;
    /** The rows of the work {@link #together} runs on this thread, if any. */
    private final ThreadLocal<List<Object[]>> pending = new ThreadLocal<>();

    public EventOutbox(OutboxRepository outbox, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void status(String deliveryEventId, NotificationStatus status) {
        write(Kind.STATUS, new StatusEntry(deliveryEventId, status));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void preference(RecipientPreferenceChanged change) {
        write(Kind.PREFERENCE, change);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reply(PatientReplied reply) {
        write(Kind.PATIENT_REPLIED, reply);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handled(PatientReplyHandled handled) {
        write(Kind.REPLY_HANDLED, handled);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deadLetter(String eventId, String bookingId, String eventJson, String reason, int attempts) {
        write(Kind.DEAD_LETTER, new DeadLetterEntry(eventId, bookingId, eventJson, reason, attempts));
    }

    /**
     * Runs work whose outbox rows are written together when it is done, still in its transaction, in one round trip:
     * a batch of outcomes or a poll of events announces many things at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void together(Runnable work) {
        if (pending.get() != null) {
            work.run();
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        pending.set(rows);
        try {
            work.run();
        } finally {
            pending.remove();
        }
        insert(rows);
    }

    private void write(Kind kind, Object entry) {
        Object[] row;
        try {
            row = new Object[]{kind.name(), json.writeValueAsString(entry), clock.instant()};
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<Object[]> rows = pending.get();
        if (rows != null) {
            rows.add(row);
        } else {
            insert(List.<Object[]>of(row));
        }
    }

    private void insert(List<Object[]> rows) {
        outbox.insert(rows);
    }
}
