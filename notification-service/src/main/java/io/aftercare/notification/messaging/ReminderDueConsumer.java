package io.aftercare.notification.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.aftercare.notification.service.DeliveryService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/** Takes due reminders off Kafka; the offset is committed only after the delivery was recorded. */
@ApplicationScoped
public class ReminderDueConsumer {

    private final DeliveryService deliveries;

    public ReminderDueConsumer(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Incoming("reminders-due")
    @Blocking
    public CompletionStage<Void> onReminderDue(Message<ReminderDue> message) {
        ReminderDue event = message.getPayload();
        // The CloudEvent id is the idempotency key; scheduling sets it to the reminder id.
        String eventId = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId)
                .orElse(event.reminderId().toString());
        deliveries.deliver(eventId, event);
        return message.ack();
    }
}
