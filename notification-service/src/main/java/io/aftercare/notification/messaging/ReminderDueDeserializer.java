package io.aftercare.notification.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

public class ReminderDueDeserializer extends ObjectMapperDeserializer<ReminderDue> {

    public ReminderDueDeserializer() {
        super(ReminderDue.class);
    }
}
