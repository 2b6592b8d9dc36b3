package io.aftercare.notification.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.aftercare.events.NotificationStatus;
import io.aftercare.events.PatientReplied;
import io.aftercare.events.PatientReplyHandled;
import io.aftercare.events.RecipientPreferenceChanged;
import io.aftercare.notification.security.Hashing;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * What this service tells the others, as binary-mode CloudEvents: delivery statuses, patients' opt-outs and opt-ins,
 * patients' replies and their handling, and the reminders it had to give up on (the dead-letter topic, with the reason in a header).
 */
@ApplicationScoped
public class OutboundEvents {

    private static final URI SOURCE = URI.create("/aftercare/notification-service");

    private final MutinyEmitter<NotificationStatus> statuses;
    private final MutinyEmitter<RecipientPreferenceChanged> preferences;
    private final MutinyEmitter<String> deadLetters;
    private final MutinyEmitter<PatientReplied> replies;
    private final MutinyEmitter<PatientReplyHandled> handled;

    public OutboundEvents(
            @Channel("notification-status") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192) MutinyEmitter<NotificationStatus> statuses,
            @Channel("recipient-preferences") MutinyEmitter<RecipientPreferenceChanged> preferences,
            @Channel("reminders-due-dlt") MutinyEmitter<String> deadLetters,
            @Channel("patient-replies") MutinyEmitter<PatientReplied> replies,
            @Channel("replies-handled") MutinyEmitter<PatientReplyHandled> handled) {
        this.statuses = statuses;
        this.handled = handled;
        this.replies = replies;
        this.preferences = preferences;
        this.deadLetters = deadLetters;
    }

    /**
     * Completes when the broker acknowledged. The id is the delivery's event id with the status: a reminder sent again
     * from the ops page ({@code <reminderId>:<n>}) that fails again is a new fact, not a duplicate of the first failure.
     */
    public Uni<Void> status(String deliveryEventId, NotificationStatus status) {
        return statuses.sendMessage(Message.of(status, Metadata.of(
                cloudEvent(deliveryEventId + ":" + status.status(), NotificationStatus.TYPE,
                        status.reminderId().toString(), status.at()),
                key(status.bookingId().toString()))));
    }

    /** Keyed by a hash of the address, so that no phone number or email address travels as a Kafka key. */
    public Uni<Void> preference(RecipientPreferenceChanged change) {
        String id = change.channel() + ":" + hash(change.address()) + ":" + change.optedOut() + ":" + change.at();
        return preferences.sendMessage(Message.of(change, Metadata.of(
                cloudEvent(id, RecipientPreferenceChanged.TYPE, null, change.at()), key(hash(change.address())))));
    }

    /** Keyed by booking, so that a booking's replies stay in order; the reply's id is the event id. */
    public Uni<Void> reply(PatientReplied reply) {
        return replies.sendMessage(Message.of(reply, Metadata.of(
                cloudEvent(reply.replyId().toString(), PatientReplied.TYPE, reply.bookingId().toString(),
                        reply.receivedAt()),
                key(reply.bookingId().toString()))));
    }

    /**
     * Keyed by booking, like the reply; the id is the reply's with {@code :handled}, since a reply is handled once (a
     * reply handled again changes nothing and is not announced again).
     */
    public Uni<Void> handled(PatientReplyHandled event) {
        return handled.sendMessage(Message.of(event, Metadata.of(
                cloudEvent(event.replyId() + ":handled", PatientReplyHandled.TYPE, event.bookingId().toString(),
                        event.handledAt()),
                key(event.bookingId().toString()))));
    }

    /** The event as received, on reminders-due-dlt, with why it was given up. */
    public Uni<Void> deadLetter(String eventId, String bookingId, String eventJson, String reason, int attempts) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-attempts", String.valueOf(attempts).getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "io.aftercare.reminder.due.v1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", SOURCE.toString().getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(bookingId)
                .withHeaders(headers)
                .build();
        return deadLetters.sendMessage(Message.of(eventJson, Metadata.of(record)));
    }

    private static OutgoingCloudEventMetadata<Object> cloudEvent(String id, String type, String subject,
            java.time.Instant at) {
        var builder = OutgoingCloudEventMetadata.builder()
                .withId(id)
                .withType(type)
                .withSource(SOURCE)
                .withTimestamp(at.atZone(ZoneOffset.UTC));
        return subject == null ? builder.build() : builder.withSubject(subject).build();
    }

    private static OutgoingKafkaRecordMetadata<String> key(String key) {
        return OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build();
    }

    /** The first half of the SHA-256: enough to tell addresses apart, nothing to read a number from. */
    static String hash(String address) {
        return Hashing.sha256Hex(address).substring(0, 32);
    }
}
