package io.aftercare.scheduling.messaging;

import io.aftercare.events.CredentialRevoked;
import io.aftercare.events.NotificationStatus;
import io.aftercare.events.PatientReplied;
import io.aftercare.events.PatientReplyHandled;
import io.aftercare.events.ProtocolPublished;
import io.aftercare.events.RecipientPreferenceChanged;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** JSON deserializers of the events this service consumes. */
public final class EventDeserializers {

    private EventDeserializers() {
    }

    public static class ProtocolPublishedDeserializer extends ObjectMapperDeserializer<ProtocolPublished> {
        public ProtocolPublishedDeserializer() {
            super(ProtocolPublished.class);
        }
    }

    public static class NotificationStatusDeserializer extends ObjectMapperDeserializer<NotificationStatus> {
        public NotificationStatusDeserializer() {
            super(NotificationStatus.class);
        }
    }

    public static class RecipientPreferenceChangedDeserializer
            extends
                ObjectMapperDeserializer<RecipientPreferenceChanged> {
        public RecipientPreferenceChangedDeserializer() {
            super(RecipientPreferenceChanged.class);
        }
    }

    public static class PatientRepliedDeserializer extends ObjectMapperDeserializer<PatientReplied> {
        public PatientRepliedDeserializer() {
            super(PatientReplied.class);
        }
    }

    public static class CredentialRevokedDeserializer extends ObjectMapperDeserializer<CredentialRevoked> {
        public CredentialRevokedDeserializer() {
            super(CredentialRevoked.class);
        }
    }

    public static class PatientReplyHandledDeserializer extends ObjectMapperDeserializer<PatientReplyHandled> {
        public PatientReplyHandledDeserializer() {
            super(PatientReplyHandled.class);
        }
    }
}
