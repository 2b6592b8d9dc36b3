package io.aftercare.scheduling.listener;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.aftercare.scheduling.messaging.NotificationStatus;
import io.aftercare.scheduling.messaging.PatientReplied;
import io.aftercare.scheduling.messaging.ProtocolPublished;
import io.aftercare.scheduling.messaging.RecipientPreferenceChanged;
import io.aftercare.scheduling.service.CheckIns;
import io.aftercare.scheduling.service.PlanChanges;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/** Events from the other services that change plans or bookings; each is acted on once, whatever the redeliveries. */
@ApplicationScoped
public class EventConsumers {

    private final PlanChanges changes;
    private final CheckIns checkIns;

    public EventConsumers(PlanChanges changes, CheckIns checkIns) {
        this.changes = changes;
        this.checkIns = checkIns;
    }

    @Incoming("protocol-published")
    @Blocking
    public CompletionStage<Void> onProtocolPublished(Message<ProtocolPublished> message) {
        ProtocolPublished event = message.getPayload();
        changes.protocolPublished(eventId(message, event.treatment() + ":" + event.version()), event);
        return message.ack();
    }

    @Incoming("recipient-preferences")
    @Blocking
    public CompletionStage<Void> onRecipientPreference(Message<RecipientPreferenceChanged> message) {
        RecipientPreferenceChanged event = message.getPayload();
        changes.preferenceChanged(
                eventId(message, event.channel() + ":" + event.address() + ":" + event.optedOut() + ":" + event.at()),
                event);
        return message.ack();
    }

    @Incoming("notification-status")
    @Blocking
    public CompletionStage<Void> onNotificationStatus(Message<NotificationStatus> message) {
        NotificationStatus event = message.getPayload();
        changes.notificationStatus(eventId(message, event.reminderId() + ":" + event.status()), event);
        return message.ack();
    }

    /** A patient's reply: only a check-in answer concerns the booking here; the reply itself stays in the inbox. */
    @Incoming("patient-replies")
    @Blocking
    public CompletionStage<Void> onPatientReplied(Message<PatientReplied> message) {
        PatientReplied event = message.getPayload();
        if (event.checkInScore() != null) {
            checkIns.answered(eventId(message, event.replyId().toString()), event);
        }
        return message.ack();
    }

    private static String eventId(Message<?> message, String fallback) {
        return message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId)
                .orElse(fallback);
    }
}
