package io.aftercare.notification.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.notification.Delivery;
import io.aftercare.notification.DeliveryStatus;
import io.aftercare.notification.PatientReply;
import io.aftercare.notification.client.WebhookSender;
import io.aftercare.notification.config.WebhooksConfig;
import io.aftercare.notification.repository.OptOutRepository;
import io.aftercare.notification.repository.RecipientBookings;
import io.aftercare.notification.repository.RecipientBookings.RecipientBooking;
import io.aftercare.notification.repository.SmsConversations;
import io.aftercare.notification.repository.WebhookMessageRepository;
import io.aftercare.notification.security.Masking;

/**
 * Turns what happened into messages for the clinic's webhook endpoints: one per endpoint subscribed to the event,
 * written in the transaction of the change, like the event outbox, so that a message exists exactly when its change
 * was committed. {@link WebhookSender} delivers them. A clinic without a profile, or without endpoints, gets none.
 */
@ApplicationScoped
public class ClinicWebhooks {

    private final WebhookMessageRepository messages;
    private final RecipientBookings recipients;
    private final SmsConversations conversations;
    private final WebhooksConfig config;
    private final ObjectMapper json;

    public ClinicWebhooks(WebhookMessageRepository messages, RecipientBookings recipients,
            SmsConversations conversations, WebhooksConfig config, ObjectMapper json) {
        this.conversations = conversations;
        this.messages = messages;
        this.recipients = recipients;
        this.config = config;
        this.json = json;
    }

    /** A delivery ended failed, undelivered, or expired while being retried. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deliveryFailed(Delivery delivery, String reason, Instant at) {
        enqueue(delivery.clinicId, WebhookPayload.DELIVERY_FAILED, at,
                new WebhookPayload.DeliveryFailed(delivery.reminderId, delivery.bookingId, bookingRef(delivery),
                        delivery.ruleKey, lower(delivery.channel), lower(delivery.status), Masking.scrub(reason),
                        delivery.attempts, at));
    }

    /** Whether this outcome is one the clinic hears of as {@code delivery.failed}. */
    public static boolean isFailure(Delivery delivery) {
        return delivery.status == DeliveryStatus.FAILED || delivery.status == DeliveryStatus.UNDELIVERED
                || (delivery.status == DeliveryStatus.EXPIRED && delivery.attempts > 0);
    }

    /** A reply filed in the clinic's inbox: {@code patient.replied}, and {@code reply.urgent} too when it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replied(PatientReply reply) {
        WebhookPayload.Reply data = new WebhookPayload.Reply(reply.id, reply.bookingId, reply.bookingRef,
                reply.receivedAt, reply.body, reply.language, reply.checkInScore, reply.urgent, reply.urgentReason);
        enqueue(reply.clinicId, WebhookPayload.PATIENT_REPLIED, reply.receivedAt, data);
        if (reply.urgent) {
            enqueue(reply.clinicId, WebhookPayload.REPLY_URGENT, reply.receivedAt, data);
        }
    }

    /**
     * A number opted out of texts from a sender: each clinic that texted it from that sender hears of it, with its own
     * bookings of the number only. A clinic that merely booked the number, or texts it from another sender, does not:
     * its texts still reach the patient.
     *
     * @param sender the sender stopped, or {@link OptOutRepository#EVERY_SENDER}
     * @param keyword what the patient texted (STOP...), or the provider's error code (21610)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void optedOut(String phone, String sender, String keyword, Instant at) {
        Set<String> stopped = OptOutRepository.EVERY_SENDER.equals(sender)
                ? null
                : conversations.of(phone, sender).stream()
                        .map(SmsConversations.Conversation::clinicId)
                        .collect(Collectors.toSet());
        Map<String, List<WebhookPayload.Booking>> byClinic = new LinkedHashMap<>();
        for (RecipientBooking booking : recipients.of(phone)) {
            if (stopped != null && !stopped.contains(booking.clinicId())) {
                continue;
            }
            byClinic.computeIfAbsent(booking.clinicId(), clinic -> new java.util.ArrayList<>())
                    .add(new WebhookPayload.Booking(booking.bookingId(), booking.bookingRef()));
        }
        byClinic.forEach((clinic, bookings) -> enqueue(clinic, WebhookPayload.PATIENT_OPTED_OUT, at,
                new WebhookPayload.OptedOut("sms", Masking.phone(phone), keyword, bookings, at)));
    }

    /**
     * A {@code webhook.test} message to one endpoint of the clinic, sent, signed and retried like any other, so that
     * the clinic's admin sees in the message log whether their system takes it.
     *
     * @return the message's id; empty when the clinic has no such endpoint (here: the profile may not have arrived)
     */
    @Transactional
    public java.util.Optional<String> test(String clinicId, String endpointId, Instant at) {
        String payload;
        try {
            payload = json.writeValueAsString(
                    new WebhookPayload(WebhookPayload.WEBHOOK_TEST, at, new WebhookPayload.Test(endpointId)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return messages.enqueueTo(clinicId, endpointId, WebhookPayload.WEBHOOK_TEST, payload,
                at.plus(config.retrySchedule().get(0)), at);
    }

    private void enqueue(String clinicId, String type, Instant at, Object data) {
        String payload;
        try {
            payload = json.writeValueAsString(new WebhookPayload(type, at, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        messages.enqueue(clinicId, type, payload, at.plus(config.retrySchedule().get(0)), at);
    }

    /** The clinic's own id of the booking, from the event the delivery was made from. */
    private String bookingRef(Delivery delivery) {
        try {
            JsonNode ref = json.readTree(delivery.event).get("bookingRef");
            return ref == null || ref.isNull() ? null : ref.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
