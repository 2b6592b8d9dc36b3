package io.aftercare.notification.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The body of a message to a clinic's endpoint, as Standard Webhooks shapes it: {@code {"type", "timestamp", "data"}}.
 * The data says what the clinic can act on, under ids it knows (its booking's external id), and no phone number in
 * full: a webhook leaves our systems, and the clinic finds the patient through the booking.
 */
public record WebhookPayload(String type, Instant timestamp, Object data) {

    public static final String DELIVERY_FAILED = "delivery.failed";
    public static final String PATIENT_REPLIED = "patient.replied";
    public static final String PATIENT_OPTED_OUT = "patient.opted-out";
    public static final String REPLY_URGENT = "reply.urgent";
    /** Sent only when the clinic's admin asks, to one endpoint: it reports nothing that happened. */
    public static final String WEBHOOK_TEST = "webhook.test";

    /** A test message: which endpoint it was sent to, nothing about any patient. */
    public record Test(String endpointId) {
    }

    /**
     * A message to a patient that will not arrive.
     *
     * @param reminderId the reminder, or for a text to a patient who wrote, its id among the booking's deliveries
     * @param rule the reminder's rule, or {@code staff-reply} / {@code urgent-answer}
     * @param status failed (refused), undelivered (the provider could not reach the phone) or expired (given up when
     *            its validity ended while retrying)
     */
    public record DeliveryFailed(UUID reminderId, UUID bookingId, String bookingRef, String rule, String channel,
            String status, String reason, int attempts, Instant failedAt) {
    }

    /** A patient's reply, filed in the clinic's inbox; for {@code reply.urgent}, one the reading found urgent. */
    public record Reply(UUID replyId, UUID bookingId, String bookingRef, Instant receivedAt, String text,
            String language, Integer checkInScore, boolean urgent, String urgentReason) {
    }

    /**
     * A patient asked for no more texts (STOP and its synonyms), or the provider reported the number unsubscribed
     * (error 21610). The clinic's bookings for the number say who; the number itself is masked.
     */
    public record OptedOut(String channel, String phone, String keyword, List<Booking> bookings, Instant optedOutAt) {
    }

    public record Booking(UUID bookingId, String bookingRef) {
    }
}
