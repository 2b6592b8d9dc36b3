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

import io.aftercare.notification.PatientReply;
import io.aftercare.notification.ReplyState;
import io.aftercare.notification.clinichooks.ClinicWebhooks;
import io.aftercare.notification.config.RepliesConfig;
import io.aftercare.notification.messaging.EventOutbox;
import io.aftercare.notification.messaging.PatientReplied;
import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.privacy.Masking;
import io.aftercare.notification.repository.PatientReplyRepository;
import io.aftercare.notification.repository.RecipientBookings;
import io.aftercare.notification.repository.RecipientBookings.RecipientBooking;

/**
 * Files what a patient wrote (not a keyword) in their clinic's inbox, under the newest booking for the number, and
 * reads it: a check-in answer is kept with it; an answer of 4 or 5, or a red-flag word, makes it urgent, which answers
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

    /** @return the reply as filed, or empty when the number belongs to no booking or the message was filed before */
    @Transactional
    public Optional<PatientReply> receive(String messageSid, String from, String body) {
        List<RecipientBooking> bookings = recipients.of(from);
        if (bookings.isEmpty()) {
            metrics.reply("unknown-number", false);
            LOG.infof("a reply from %s, who has no booking here, was not filed", Masking.phone(from));
            return Optional.empty();
        }
        RecipientBooking newest = bookings.get(0);
        ReplyReader.Reading reading = reader(newest.clinicId()).read(body, newest.checkInAskedAt() != null);
        Instant now = clock.instant();
        PatientReply reply = new PatientReply();
        reply.id = UUID.randomUUID();
        reply.messageSid = messageSid;
        reply.clinicId = newest.clinicId();
        reply.bookingId = newest.bookingId();
        reply.bookingRef = newest.bookingRef();
        reply.phone = from;
        reply.language = newest.locale();
        reply.body = body;
        reply.otherBookings = others(bookings);
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
    private String others(List<RecipientBooking> bookings) {
        String clinic = bookings.get(0).clinicId();
        List<Map<String, String>> others = bookings.stream()
                .skip(1)
                .filter(b -> b.clinicId().equals(clinic))
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
