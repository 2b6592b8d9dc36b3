package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.ReminderDue;
import io.aftercare.notification.DeliveryKind;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.PatientReply;
import io.aftercare.notification.repository.DeliveryRepository;

/**
 * Texts a patient who wrote to us, through the same path as reminders: the workers send it at the sender's pace,
 * an opt-out suppresses it, and its delivery records the attempts and the provider's status reports. It goes at once,
 * whatever the hour: the patient just wrote.
 */
@ApplicationScoped
public class PatientMessages {

    private static final Logger LOG = Logger.getLogger(PatientMessages.class);
    /** An answer not sent within a day (a long provider outage) is no longer an answer. */
    private static final Duration VALIDITY = Duration.ofDays(1);

    private final DeliveryRepository deliveries;
    private final ObjectMapper json;
    private final Clock clock;

    public PatientMessages(DeliveryRepository deliveries, ObjectMapper json, Clock clock) {
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues a text to the patient who sent the reply; joins the caller's transaction.
     *
     * @param purpose what the text is, shown to the clinic as its rule ({@code staff-reply}, {@code urgent-answer})
     * @return the id under which the clinic finds it among the booking's deliveries
     */
    public UUID text(PatientReply to, String text, String purpose) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        // Kept as a delivery here, never published: no protocol (version 0) and no category stand behind it.
        ReminderDue message = new ReminderDue(id, to.clinicId, to.bookingId, to.bookingRef,
                new ReminderDue.Recipient(null, to.phone, null, to.language, null, "sms", true, false), purpose, 0,
                null, 0, "urgent", List.of("sms"), to.language, now, now.plus(VALIDITY),
                new ReminderDue.RenderedMessages(text, null));
        String eventId = "reply:" + id;
        deliveries.recordIfNew(eventId, DeliveryKind.REPLY, message, write(message), DeliveryStatus.PENDING, null, now,
                now);
        LOG.infof("queued %s %s for booking %s", purpose, eventId, to.bookingId);
        return id;
    }

    private String write(ReminderDue message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
