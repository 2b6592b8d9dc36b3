package io.aftercare.floors.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The floor app's settings. The dispatch defaults are scheduling's (DispatchConfig, application.properties), so that
 * the floor claims and waits as the service does.
 */
@ConfigMapping(prefix = "floor")
public interface FloorConfig {

    Kafka kafka();

    Dispatch dispatch();

    /** A plain producer's sign-in: the SCHEDULING broker user's, as the service's. */
    interface Kafka {

        String bootstrapServers();

        @WithDefault("SASL_PLAINTEXT")
        String securityProtocol();

        @WithDefault("SCRAM-SHA-512")
        String saslMechanism();

        /** Holds a password: give it as FLOOR_KAFKA_SASL_JAAS_CONFIG, never on the command line. */
        Optional<String> saslJaasConfig();

        @WithDefault("reminders-due-floor")
        String topic();
    }

    interface Dispatch {

        /** Most reminders claimed and published in one transaction: scheduling's aftercare.dispatch.batch-size. */
        @WithDefault("1000")
        int batchSize();

        /** The wait when nothing was due: scheduling's aftercare.dispatch.interval. */
        @WithDefault("PT0.25S")
        Duration interval();

        /** How long a batch may wait for the broker's acknowledgements: scheduling's ack timeout. */
        @WithDefault("9s")
        Duration ackTimeout();

        /** How long one POST /floor/dispatch may run before it answers 504 with what it sent. */
        @WithDefault("10m")
        Duration bound();
    }
}
