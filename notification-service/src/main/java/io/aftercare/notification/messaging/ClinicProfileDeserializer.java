package io.aftercare.notification.messaging;

import io.aftercare.events.ClinicProfileChanged;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@code clinic-profiles} values; one that cannot be read comes out null and is dead-lettered by the listener. */
public class ClinicProfileDeserializer extends ObjectMapperDeserializer<ClinicProfileChanged> {

    public ClinicProfileDeserializer() {
        super(ClinicProfileChanged.class);
    }
}
