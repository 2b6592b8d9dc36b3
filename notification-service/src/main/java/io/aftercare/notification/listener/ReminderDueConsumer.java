package io.aftercare.notification.listener;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.messaging.Redelivery;
import io.aftercare.notification.messaging.ReminderDue;
import io.aftercare.notification.service.DeliveryIntake;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Takes due reminders off Kafka; the offset is committed only after the delivery was recorded. The event is read as
 * text so that it can be kept as received, for retries and the dead-letter topic, which gets what cannot be read or
 * handled, with the reason.
 */
@ApplicationScoped
public class ReminderDueConsumer {

    private final DeliveryIntake intake;
    private final ObjectMapper json;

    public ReminderDueConsumer(DeliveryIntake intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    @Incoming("reminders-due")
    @Blocking
    public CompletionStage<Void> onReminderDue(Message<String> message) {
        ReminderDue event;
        try {
            event = json.readValue(message.getPayload(), ReminderDue.class);
        } catch (JsonProcessingException e) {
            // Not a reminder we can read: the dead-letter topic keeps it for a person to look at.
            return message.nack(e);
        }
        // The CloudEvent id is the idempotency key; scheduling sets it to the reminder id.
        String eventId = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId)
                .orElse(event.reminderId().toString());
        try {
            // While the database is away this waits, and the events behind it wait too: none is lost or parked.
            Redelivery.untilHandled("reminder event " + eventId, () -> intake.accept(eventId, event,
                    message.getPayload()));
        } catch (RuntimeException cannotBeHandled) {
            return message.nack(cannotBeHandled);
        }
        return message.ack();
    }
}
