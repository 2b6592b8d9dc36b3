package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.PatientReplied;
import io.aftercare.notification.PatientReply;
import io.aftercare.notification.ReplyState;
import io.aftercare.notification.config.RepliesConfig;
import io.aftercare.notification.messaging.EventOutbox;
import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.repository.PatientReplyRepository;
import io.aftercare.notification.repository.RecipientBookings;
import io.aftercare.notification.repository.RecipientBookings.RecipientBooking;
import io.aftercare.notification.repository.SmsConversations;

/**
 * Files what a patient wrote (not a keyword) in the inbox of the clinic whose text they answered, under the booking
 * that texted them last from that sender ({@link io.aftercare.notification.repository.SmsConversations}), and reads it: a check-in answer is kept with it; an answer of 4 or 5, or a red-flag word, makes it urgent, which answers
 * the patient once per conversation and alerts the clinic (by {@link ReplyAlerts}, after commit). Every reply is
 * announced on {@code patient-replies} through the event outbox, written with it, and to the clinic's webhook
 * endpoints (patient.replied, and reply.urgent when urgent), written with it too. Ordinary replies
 * get no automatic answer: a person at the clinic reads them.
 */
@ApplicationScoped
public class PatientReplies {

    private static final Logger LOG = Logger.getLogger(PatientReplies.class);

    private final RecipientBookings recipients;
    private final PatientReplyRepository replies;
    private final PatientMessages messages;
    private final RepliesConfig config;
    private final NotificationMetrics metrics;
    private final EventOutbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final ClinicWebhooks webhooks;

    public PatientReplies(RecipientBookings recipients, PatientReplyRepository replies, PatientMessages messages,
            RepliesConfig config, NotificationMetrics metrics, EventOutbox outbox, ObjectMapper json, Clock clock,
            ClinicWebhooks webhooks) {
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.recipients = recipients;
        this.replies = replies;
        this.messages = messages;
        this.config = config;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param to the conversation the reply answers: the booking that texted the number from that sender last
     * @return the reply as filed, or empty when it was filed before
     */
    @Transactional
    public Optional<PatientReply> receive(String messageSid, String from, SmsConversations.Conversation to,
            String body) {
        ReplyReader.Reading reading = reader(to.clinicId()).read(body, to.checkInAskedAt() != null);
        Instant now = clock.instant();
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
        reply.receivedAt = now;
        if (!replies.recordIfNew(reply)) {
            return Optional.empty();
        }
        outbox.reply(new PatientReplied(reply.id, reply.clinicId, reply.bookingId, reply.bookingRef, reply.language,
                reply.checkInScore, reply.urgent, reply.urgentReason, reply.receivedAt));
        webhooks.replied(reply);
        if (reply.urgent && !replies.urgentAnswerSentSince(reply.bookingId, now.minus(config.conversation()))) {
            messages.text(reply, answer(reply.language), "urgent-answer");
            reply.answeredAt = now;
        }
        metrics.reply(reply.checkInScore == null ? "free-text" : "check-in", reply.urgent);
        // The body is personal health information, and so is what it was read to say: neither is logged.
        LOG.infof("reply %s filed for booking %s of %s%s", reply.id, reply.bookingId, reply.clinicId,
                reply.urgent ? " as urgent" : "");
        return Optional.of(reply);
    }

    private ReplyReader reader(String clinicId) {
        List<String> words = new ArrayList<>();
        config.redFlags().values().forEach(words::addAll);
        words.addAll(config.clinicRedFlags().getOrDefault(clinicId, List.of()));
        return new ReplyReader(words);
    }

    private String answer(String language) {
        Map<String, String> answers = config.urgentAnswer();
        return answers.getOrDefault(language, answers.get("en"));
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
