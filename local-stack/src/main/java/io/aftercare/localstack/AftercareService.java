package io.aftercare.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services of Aftercare, how each is found in the build and how it is pointed at the infrastructure: the three of
 * the reminder pipeline and the clinic console, which people use and no other service needs.
 */
public enum AftercareService {

    GUIDANCE("guidance-service", 8081, true), SCHEDULING("scheduling-service", 8082, true), NOTIFICATION(
            "notification-service", 8083, true), CONSOLE("console-service", 8084, false);

    /** The reminder pipeline: what a test of the pipeline starts, without the console. */
    public static final java.util.Set<AftercareService> PIPELINE = java.util.Collections
            .unmodifiableSet(java.util.EnumSet.of(GUIDANCE, SCHEDULING, NOTIFICATION));

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

    public boolean usesKafka() {
        return usesKafka;
    }

    public String database() {
        return module.substring(0, module.indexOf('-'));
    }

    public Path runJar(Path repository) {
        return repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * The configuration that points this service at the given infrastructure and at its sibling services; the
     * secrets are not in it but in {@link LocalSecrets#environment}, since this goes on the command line.
     */
    public Map<String, String> config(LocalInfrastructure infrastructure, Map<AftercareService, Integer> servicePorts) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", infrastructure.postgres().jdbcUrl(database()));
        config.put("quarkus.datasource.username", LocalPostgres.USER);
        if (usesKafka) {
            config.put("kafka.bootstrap.servers", infrastructure.kafka().bootstrapServers());
        }
        if (this == GUIDANCE) {
            config.put("aftercare.scheduling.url", url(servicePorts.get(SCHEDULING)));
        }
        if (this == SCHEDULING || this == NOTIFICATION) {
            // A local run's clinic systems and FHIR servers are on this machine, over plain http.
            config.put("aftercare.outbound.allow-http", "true");
            config.put("aftercare.outbound.allow-loopback", "true");
        }
        if (this == SCHEDULING) {
            config.put("quarkus.rest-client.guidance.url", url(servicePorts.get(GUIDANCE)));
        }
        if (this == NOTIFICATION) {
            config.put("aftercare.scheduling.url", url(servicePorts.get(SCHEDULING)));
        }
        if (this == NOTIFICATION || this == CONSOLE) {
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", String.valueOf(infrastructure.smtp().port()));
        }
        if (this == CONSOLE) {
            // Invitation links point where this run's console listens; it calls the services for its people.
            config.put("aftercare.console.base-url", url(servicePorts.get(CONSOLE)));
            putIfStarted(config, "quarkus.rest-client.scheduling.url", servicePorts.get(SCHEDULING));
            putIfStarted(config, "quarkus.rest-client.notification.url", servicePorts.get(NOTIFICATION));
            putIfStarted(config, "quarkus.rest-client.guidance.url", servicePorts.get(GUIDANCE));
        }
        return config;
    }

    private static void putIfStarted(Map<String, String> config, String key, Integer port) {
        if (port != null) {
            config.put(key, url(port));
        }
    }

    private static String url(int port) {
        return "http://" + ServiceProcess.HOST + ":" + port;
    }
}
