package io.aftercare.notification.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.ReminderDue;
import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryChannel;
import io.aftercare.notification.DeliveryKind;
import io.aftercare.notification.PatientReply;
import io.aftercare.notification.repository.DeliveryRepository;
import io.aftercare.notification.repository.PatientReplyRepository;

/**
 * The conversation a reply belongs to: every text of its booking to the patient (reminders, staff answers, the
 * automatic answer to an urgent reply) and every reply of the patient under it, in the order they happened, so that
 * whoever answers reads what the patient was answering. Only the reply's own clinic: another clinic's reply is not
 * found.
 */
@ApplicationScoped
public class Conversations {

    /** At most this many messages, the latest: a booking's plan is a dozen texts or so. */
    static final int LATEST = 100;

    /**
     * @param direction {@code out} (a text to the patient) or {@code in} (the patient's reply)
     * @param status the delivery's status of a text out; null for a reply
     * @param ruleKey the care moment of a reminder, {@code staff-reply} or {@code urgent-answer}; null for a reply
     * @param replyId the reply's id, for a reply
     */
    public record Message(String direction, Instant at, String text, String ruleKey, String status, UUID replyId) {
    }

    /** @param firstName the patient's first name as the clinic's booking gave it; null if no reminder named it */
    public record Conversation(PatientReply reply, String firstName, List<Message> messages) {
    }

    private final Inbox inbox;
    private final DeliveryRepository deliveries;
    private final PatientReplyRepository replies;
    private final PatientNames names;
    private final ObjectMapper json;

    public Conversations(Inbox inbox, DeliveryRepository deliveries, PatientReplyRepository replies,
            PatientNames names, ObjectMapper json) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.replies = replies;
        this.names = names;
        this.json = json;
    }

    @Transactional
    public Conversation of(String clinicId, UUID replyId) {
        PatientReply reply = inbox.one(clinicId, replyId);
        List<Message> messages = new ArrayList<>();
        for (Delivery delivery : deliveries.byBooking(clinicId, reply.bookingId)) {
            ReminderDue event = read(delivery.event);
            if (byText(delivery) && event.messages() != null && event.messages().sms() != null) {
                messages.add(new Message("out", delivery.createdAt, event.messages().sms(), delivery.ruleKey,
                        delivery.status.name().toLowerCase(Locale.ROOT), null));
            }
        }
        for (PatientReply earlier : replies.ofBooking(clinicId, reply.bookingId)) {
            messages.add(new Message("in", earlier.receivedAt, earlier.body, null, null, earlier.id));
        }
        messages.sort(Comparator.comparing(Message::at));
        int from = Math.max(0, messages.size() - LATEST);
        String firstName = names.of(clinicId, List.of(reply.bookingId)).get(reply.bookingId);
        return new Conversation(reply, firstName, List.copyOf(messages.subList(from, messages.size())));
    }

    /** Sent (or to be sent) by text: an answer to the patient is a text before its channel is even chosen. */
    private static boolean byText(Delivery delivery) {
        return delivery.channel == DeliveryChannel.SMS
                || delivery.channel == null && delivery.kind == DeliveryKind.REPLY;
    }

    private ReminderDue read(String event) {
        try {
            return json.readValue(event, ReminderDue.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored delivery's event is not JSON", e);
        }
    }
}
