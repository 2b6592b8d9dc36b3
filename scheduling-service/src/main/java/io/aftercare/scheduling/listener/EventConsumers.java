package io.aftercare.scheduling.listener;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.aftercare.events.PatientReplied;
import io.aftercare.events.PatientReplyHandled;
import io.aftercare.events.ProtocolPublished;
import io.aftercare.events.RecipientPreferenceChanged;
import io.aftercare.messaging.Redelivery;
import io.aftercare.scheduling.repository.InboxReplyRepository;
import io.aftercare.scheduling.service.CheckIns;
import io.aftercare.scheduling.service.PlanChanges;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Events from the other services that change plans or bookings, one at a time; each is acted on once, whatever the
 * redeliveries. What notification reports of each reminder comes a poll at a time ({@link NotificationStatusConsumer}).
 */
@ApplicationScoped
public class EventConsumers {

    private final PlanChanges changes;
    private final CheckIns checkIns;
    private final InboxReplyRepository inbox;

    public EventConsumers(PlanChanges changes, CheckIns checkIns, InboxReplyRepository inbox) {
        this.changes = changes;
        this.checkIns = checkIns;
        this.inbox = inbox;
    }

    @Incoming("protocol-published")
    @Blocking
    public CompletionStage<Void> onProtocolPublished(Message<ProtocolPublished> message) {
        return handle(message, event -> changes.protocolPublished(
                eventId(message, event.treatment() + ":" + event.version()), event));
    }

    @Incoming("recipient-preferences")
    @Blocking
    public CompletionStage<Void> onRecipientPreference(Message<RecipientPreferenceChanged> message) {
        return handle(message, event -> changes.preferenceChanged(
                eventId(message, event.channel() + ":" + event.address() + ":" + event.optedOut() + ":" + event.at()),
                event));
    }

    /**
     * A patient's reply: counted for the ops page until it is handled; a check-in answer and an urgent reply concern
     * the booking here; the reply itself stays in notification's inbox. Counted first, so that a booking showing the
     * answer means the ops page counts it too.
     */
    @Incoming("patient-replies")
    @Blocking
    public CompletionStage<Void> onPatientReplied(Message<PatientReplied> message) {
        return handle(message, event -> {
            inbox.received(event);
            if (event.checkInScore() != null || event.urgent()) {
                checkIns.answered(eventId(message, event.replyId().toString()), event);
            }
        });
    }

    /** A reply was handled in its clinic's inbox: the ops page no longer counts it as open. */
    @Incoming("replies-handled")
    @Blocking
    public CompletionStage<Void> onReplyHandled(Message<PatientReplyHandled> message) {
        return handle(message, inbox::handled);
    }

    /**
     * Acts on the event, waiting out a database that is away; an event that could not be read (its payload is null:
     * the deserializer failed) or handled is nacked, which parks it on the channel's dead-letter topic with the reason.
     */
    private static <T> CompletionStage<Void> handle(Message<T> message, Consumer<T> action) {
        T event = message.getPayload();
        if (event == null) {
            return message.nack(new IllegalArgumentException("the event could not be read as its contract says"));
        }
        try {
            Redelivery.untilHandled("event " + eventId(message, "without id"), () -> action.accept(event));
        } catch (RuntimeException cannotBeHandled) {
            return message.nack(cannotBeHandled);
        }
        return message.ack();
    }

    private static String eventId(Message<?> message, String fallback) {
        return message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId)
                .orElse(fallback);
    }
}
