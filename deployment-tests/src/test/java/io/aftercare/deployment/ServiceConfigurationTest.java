package io.aftercare.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aftercare.deployment.ServiceConfiguration.Requirement;

/**
 * What the environment checks derive from the services' sources is what the services do: the names below are the
 * ones a reader finds by hand in application.properties, the config mappings and SafeDefaultsIT. Were the derivation
 * to find nothing (a moved file, a changed annotation), the environment checks would pass on anything; this fails.
 */
class ServiceConfigurationTest {

    private static final Map<String, ServiceConfiguration> SERVICES = ServiceConfiguration.services();

    @Test
    void theServicesAreTheModulesWithAnImage() {
        assertThat(SERVICES).containsOnlyKeys("console-service", "guidance-service", "notification-service",
                "scheduling-service");
    }

    @Test
    void whatProductionNeedsIsEverySecretSafeDefaultsChecksAndWhereTheInfrastructureIs() {
        assertThat(required("guidance-service")).containsOnlyKeys("quarkus.security.users.embedded.users.admin",
                "aftercare.operator.password", "aftercare.kafka.password", "quarkus.datasource.password",
                "quarkus.datasource.jdbc.url", "kafka.bootstrap.servers", "aftercare.scheduling.url");
        assertThat(required("scheduling-service")).containsOnlyKeys("aftercare.operator.password",
                "aftercare.secrets.keys", "aftercare.secrets.current", "aftercare.kafka.password",
                "quarkus.datasource.password", "quarkus.datasource.jdbc.url", "kafka.bootstrap.servers",
                "quarkus.rest-client.guidance.url");
        assertThat(required("notification-service")).containsOnlyKeys("aftercare.operator.password",
                "aftercare.secrets.keys", "aftercare.secrets.current", "aftercare.kafka.password",
                "aftercare.twilio.auth-token", "quarkus.datasource.password", "quarkus.datasource.jdbc.url",
                "kafka.bootstrap.servers", "aftercare.scheduling.url", "quarkus.mailer.host");
        // Each is set by the variable the deployment's documents name.
        assertThat(required("guidance-service").get("quarkus.security.users.embedded.users.admin").variables())
                .contains("AFTERCARE_ADMIN_PASSWORD");
        assertThat(required("notification-service").get("aftercare.twilio.auth-token").variables())
                .contains("TWILIO_AUTH_TOKEN");
        assertThat(required("scheduling-service").get("aftercare.kafka.password").variables())
                .contains("AFTERCARE_KAFKA_PASSWORD");
    }

    @Test
    void aServiceReadsItsPropertiesItsReferencesAndItsMappingsMembersSpeltForTheEnvironment() {
        ServiceConfiguration notification = SERVICES.get("notification-service");

        // application.properties keys, and names its values refer to
        assertThat(notification.reads("QUARKUS_MAILER_PORT")).isTrue();
        assertThat(notification.reads("TWILIO_FROM")).isTrue();
        // @ConfigMapping members, scalar and map
        assertThat(notification.reads("AFTERCARE_TWILIO_WEBHOOK_BASE_URL")).isTrue();
        assertThat(notification.reads("AFTERCARE_DELIVERY_IDLE_POLL")).isTrue();
        assertThat(notification.reads("AFTERCARE_REPLIES_ALERT_EMAILS_CLINIC_A")).isTrue();
        // a library's @ConfigProperty (rest-problems)
        assertThat(notification.reads("AFTERCARE_LOGINS_PER")).isTrue();
        // another service's setting, and a near miss
        assertThat(notification.reads("AFTERCARE_DISPATCH_WORKERS")).isFalse();
        assertThat(notification.reads("AFTERCARE_DELIVERY_WORKER")).isFalse();
        assertThat(SERVICES.get("scheduling-service").reads("AFTERCARE_DISPATCH_WORKERS")).isTrue();
    }

    @Test
    void healthIsServedOnTheHttpPortUnderQ() {
        assertThat(SERVICES.values()).allSatisfy(service -> {
            assertThat(service.servesHealth()).isTrue();
            assertThat(service.healthPath()).isEqualTo("/q/health");
        });
        assertThat(SERVICES.get("guidance-service").healthPort()).isEqualTo(8081);
        assertThat(SERVICES.get("scheduling-service").healthPort()).isEqualTo(8082);
        assertThat(SERVICES.get("notification-service").healthPort()).isEqualTo(8083);
    }

    private static Map<String, Requirement> required(String module) {
        return SERVICES.get(module).requiredInProduction();
    }
}
