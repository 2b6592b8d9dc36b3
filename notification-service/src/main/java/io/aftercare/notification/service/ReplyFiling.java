package io.aftercare.notification.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.notification.PatientReply;
import io.aftercare.notification.ReplyState;
import io.aftercare.notification.repository.PatientReplyRepository;
import io.aftercare.notification.repository.RecipientBookings;
import io.aftercare.notification.repository.RecipientBookings.RecipientBooking;
import io.aftercare.notification.repository.SmsConversations;

/**
 * Files a reply, as read, in the inbox of the clinic whose text it answers, under the booking of that conversation,
 * with the clinic's other bookings of the same number beside it; a provider's replayed message is filed once.
 */
@ApplicationScoped
public class ReplyFiling {

    private final PatientReplyRepository replies;
    private final RecipientBookings recipients;
    private final ObjectMapper json;
    private final Clock clock;

    public ReplyFiling(PatientReplyRepository replies, RecipientBookings recipients, ObjectMapper json, Clock clock) {
        this.replies = replies;
        this.recipients = recipients;
        this.json = json;
        this.clock = clock;
    }

    /** @return the reply as filed, open, or empty when this message was filed before */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PatientReply> file(String messageSid, String from, SmsConversations.Conversation to, String body,
            ReplyReader.Reading reading) {
        PatientReply reply = new PatientReply();
        reply.id = UUID.randomUUID();
        reply.messageSid = messageSid;
        reply.clinicId = to.clinicId();
        reply.bookingId = to.bookingId();
        reply.bookingRef = to.bookingRef();
        reply.phone = from;
        reply.language = to.locale();
        reply.body = body;
        reply.otherBookings = others(to, recipients.of(from));
        reply.checkInScore = reading.score().orElse(null);
        reply.urgent = reading.urgent();
        reply.urgentReason = reading.reason().orElse(null);
        reply.state = ReplyState.OPEN;
        reply.receivedAt = clock.instant();
        return replies.recordIfNew(reply) ? Optional.of(reply) : Optional.empty();
    }

    /** The other bookings of the same clinic for this number: another clinic's bookings are not this clinic's to see. */
    private String others(SmsConversations.Conversation to, List<RecipientBooking> bookings) {
        List<Map<String, String>> others = bookings.stream()
                .filter(b -> b.clinicId().equals(to.clinicId()) && !b.bookingId().equals(to.bookingId()))
                .map(b -> Map.of("bookingId", b.bookingId().toString(), "bookingRef",
                        b.bookingRef() == null ? "" : b.bookingRef()))
                .toList();
        try {
            return json.writeValueAsString(others);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
