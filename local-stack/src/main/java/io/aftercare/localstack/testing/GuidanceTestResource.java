package io.aftercare.localstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.BrokerUser;
import io.aftercare.localstack.FreePorts;
import io.aftercare.localstack.LocalPostgres;
import io.aftercare.localstack.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real guidance service, from its packaged jar, as its own process on the shared PostgreSQL and Kafka: services
 * that plan through it are tested against the real thing. Needs guidance-service packaged first (the reactor orders
 * it so).
 */
public class GuidanceTestResource implements QuarkusTestResourceLifecycleManager {

    /** The test guidance's logins; scheduling's test profile signs in to it as the operator with the same value. */
    public static final String ADMIN_PASSWORD = "admin";
    public static final String OPERATOR_PASSWORD = "operator";

    private static ServiceProcess guidance;

    @Override
    public synchronized Map<String, String> start() {
        if (guidance == null) {
            guidance = startGuidance();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    guidance.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return Map.of("quarkus.rest-client.guidance.url", guidance.baseUrl());
    }

    private static ServiceProcess startGuidance() {
        Path repository = Path.of(System.getProperty("aftercare.repo", "..")).toAbsolutePath().normalize();
        LocalPostgres postgres = SharedTestInfrastructure.postgres();
        try {
            postgres.createDatabase("guidance");
            ServiceProcess process = ServiceProcess.start("guidance-service",
                    AftercareService.GUIDANCE.runJar(repository), FreePorts.next(),
                    Map.of("quarkus.datasource.jdbc.url", postgres.jdbcUrl("guidance"), "quarkus.datasource.username",
                            LocalPostgres.USER, "kafka.bootstrap.servers",
                            SharedTestInfrastructure.kafka().bootstrapServers()),
                    // The packaged jar runs in the prod profile, which has no default secrets. These are a test's
                    // guidance on a random loopback port, gone with the test JVM; the tests sign in with them.
                    Map.of("AFTERCARE_ADMIN_PASSWORD", ADMIN_PASSWORD, "AFTERCARE_OPERATOR_PASSWORD",
                            OPERATOR_PASSWORD, "AFTERCARE_KAFKA_PASSWORD",
                            SharedTestInfrastructure.kafka().credentials().password(BrokerUser.GUIDANCE)),
                    Path.of(System.getProperty("java.io.tmpdir"), "guidance-logs"));
            process.awaitReady(Duration.ofSeconds(90));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped when the JVM exits
    }
}
