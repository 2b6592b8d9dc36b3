package io.aftercare.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The three services of Aftercare, how each is found in the build and how it is pointed at the infrastructure. */
public enum AftercareService {

    GUIDANCE("guidance-service", 8081, true), SCHEDULING("scheduling-service", 8082, true), NOTIFICATION(
            "notification-service", 8083, true);

    /** The local run's credentials: for one machine, documented in the README, never a deployment's. */
    public static final String LOCAL_ADMIN_PASSWORD = "admin";
    public static final String LOCAL_OPERATOR_PASSWORD = "operator";
    public static final String LOCAL_TWILIO_TOKEN = "local-run-token";
    /** The local run's key for sealing clinics' secrets; scheduling and notification need the same one. */
    public static final String LOCAL_SECRETS_KEYS = "local:q0lRxEmHVqUnBW9xHu2Dz8fN5hD6lTn3v3CqvI3ZpCo=";
    public static final String LOCAL_SECRETS_CURRENT = "local";

    private final String module;
    private final int localRunPort;
    private final boolean usesKafka;

    AftercareService(String module, int localRunPort, boolean usesKafka) {
        this.module = module;
        this.localRunPort = localRunPort;
        this.usesKafka = usesKafka;
    }

    public String module() {
        return module;
    }

    public int localRunPort() {
        return localRunPort;
    }

    public String database() {
        return module.substring(0, module.indexOf('-'));
    }

    public Path runJar(Path repository) {
        return repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The configuration that points this service at the given infrastructure and at its sibling services. */
    public Map<String, String> config(LocalInfrastructure infrastructure, Map<AftercareService, Integer> servicePorts) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", infrastructure.postgres().jdbcUrl(database()));
        config.put("quarkus.datasource.username", LocalPostgres.USER);
        if (usesKafka) {
            config.put("kafka.bootstrap.servers", infrastructure.kafka().bootstrapServers());
        }
        // The packaged services run in the prod profile, which has no default secrets: a local run names its own.
        if (this == GUIDANCE) {
            config.put("quarkus.security.users.embedded.users.admin", LOCAL_ADMIN_PASSWORD);
        }
        if (this == SCHEDULING) {
            config.put("quarkus.rest-client.guidance.url", "http://localhost:" + servicePorts.get(GUIDANCE));
            config.put("quarkus.rest-client.notification.url", "http://localhost:" + servicePorts.get(NOTIFICATION));
            config.put("aftercare.operator.password", LOCAL_OPERATOR_PASSWORD);
            config.put("aftercare.secrets.keys", LOCAL_SECRETS_KEYS);
            config.put("aftercare.secrets.current", LOCAL_SECRETS_CURRENT);
        }
        if (this == NOTIFICATION) {
            config.put("aftercare.secrets.keys", LOCAL_SECRETS_KEYS);
            config.put("aftercare.secrets.current", LOCAL_SECRETS_CURRENT);
            config.put("aftercare.twilio.auth-token", LOCAL_TWILIO_TOKEN);
            config.put("aftercare.operator.password", LOCAL_OPERATOR_PASSWORD);
            config.put("aftercare.scheduling.url", "http://localhost:" + servicePorts.get(SCHEDULING));
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", String.valueOf(infrastructure.smtp().port()));
        }
        return config;
    }
}
