package io.aftercare.console.model;

import java.time.Instant;
import java.util.List;

/**
 * One line of a patient's timeline, in time order with the others.
 *
 * @param kind {@code booked}, {@code treatment}, {@code moment} (a care moment of the plan), {@code replan},
 *     {@code status} (cancelled, no-show, completed), {@code reply}, {@code message} (a text to a patient who wrote:
 *     a staff answer or the automatic answer to an urgent reply) or {@code opt-out}
 * @param state what the page marks it with ({@code data-state}): for a moment, its delivery's status if it has one
 *     (sent, delivered, failed, undelivered, suppressed, expired, pending...), else its plan state (planned, revoked,
 *     expired...); for a reply, open or handled (and urgent); for a status, the booking's status
 * @param local the moment on the patient's clock, in the page's language
 * @param deliveries what notification did with it, newest attempt last
 */
public record TimelineEntry(String kind, String state, Instant at, String local, BookingRecord.Moment moment,
        List<DeliveryRecord> deliveries, ConversationRecord.Reply reply, ConversationRecord.OptOut optOut,
        String note) {

    public boolean urgent() {
        return reply != null && reply.urgent();
    }
}
