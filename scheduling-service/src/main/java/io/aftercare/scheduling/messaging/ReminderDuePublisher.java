package io.aftercare.scheduling.messaging;

import java.net.URI;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.aftercare.scheduling.Booking;
import io.aftercare.scheduling.Reminder;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes due reminders as CloudEvents, keyed by booking so that one patient's events stay in order. */
@ApplicationScoped
public class ReminderDuePublisher {

    private static final URI SOURCE = URI.create("/aftercare/scheduling-service");

    private final MutinyEmitter<ReminderDue> emitter;

    public ReminderDuePublisher(
            @Channel("reminders-due") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<ReminderDue> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has acknowledged the event (acks=all). */
    public Uni<Void> publish(Reminder reminder, Instant now) {
        ReminderDue event = toEvent(reminder);
        String key = reminder.booking.id.toString();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(reminder.id.toString())
                .withType(ReminderDue.TYPE)
                .withSource(SOURCE)
                .withSubject(key)
                .withTimestamp(now.atZone(java.time.ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build();
        return emitter.sendMessage(Message.of(event, Metadata.of(cloudEvent, record)));
    }

    static ReminderDue toEvent(Reminder reminder) {
        Booking booking = reminder.booking;
        ReminderDue.Recipient recipient = new ReminderDue.Recipient(booking.firstName, booking.phone, booking.email,
                booking.locale, booking.timeZone, booking.preferredChannel, booking.smsConsent, booking.emailConsent);
        return new ReminderDue(reminder.id, booking.clinicId, booking.id, booking.externalId, recipient,
                reminder.ruleKey, reminder.protocolVersion, reminder.priority, reminder.dueAt, reminder.expiresAt,
                new ReminderDue.RenderedMessages(reminder.smsText));
    }
}
