package io.aftercare.config;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

/**
 * Kafka's clients read the broker password only when the first of them starts, after the database is migrated; a
 * service without one would start, then fail to sign in. Asked for here, the password is checked with the rest of the
 * configuration, so a production service without it stops at once and names it, as it does for every other secret.
 */
@Startup
@Singleton
public class RequiredBrokerPassword {

    RequiredBrokerPassword(@ConfigProperty(name = "aftercare.kafka.password") String password) {
        // only its presence matters: the Kafka clients read it themselves
    }
}
