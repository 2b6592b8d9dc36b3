package io.aftercare.localstack.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.aftercare.localstack.BrokerCredentials;
import io.aftercare.localstack.FreePorts;
import io.aftercare.localstack.LocalKafka;
import io.aftercare.localstack.LocalPostgres;
import io.aftercare.localstack.LocalSmtp;
import io.aftercare.localstack.QuietLogs;

/**
 * One PostgreSQL, one Kafka broker and one SMTP server per test JVM, started on first use on random ports and
 * stopped when the JVM exits, so that every test class of a module shares them however often Quarkus restarts.
 */
public final class SharedTestInfrastructure {

    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    /** Where this JVM's test broker listens, its log directory and its users' passwords, once it runs. */
    private static final String SHARED_BROKER = "aftercare.test.shared-kafka";
    private static LocalSmtp smtp;

    private SharedTestInfrastructure() {
    }

    static {
        QuietLogs.apply();
    }

    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            try {
                Path data = Files.createTempDirectory(scratch(), "postgres-").resolve("data");
                // Tests trade durability for speed, explicitly: nothing here has to survive a crash.
                postgres = LocalPostgres.start(data, binariesCache(), FreePorts.next(), List.of(),
                        LocalPostgres.Durability.FAST_FOR_TESTS);
            } catch (Exception e) {
                throw new IllegalStateException("could not start PostgreSQL", e);
            }
            closeOnExit(postgres);
        }
        return postgres;
    }

    public static synchronized LocalKafka kafka() {
        if (kafka == null) {
            String running = System.getProperty(SHARED_BROKER);
            if (running != null) {
                // Started by this JVM from another class loader: the one broker of the JVM is that one.
                String[] parts = running.split("\\|", 3);
                kafka = LocalKafka.attach(parts[0], Path.of(parts[1]), BrokerCredentials.decode(parts[2]));
                return kafka;
            }
            try {
                Path logs = Files.createTempDirectory(scratch(), "kafka-");
                kafka = LocalKafka.start(logs, FreePorts.next(), FreePorts.next(), BrokerCredentials.generate());
            } catch (Exception e) {
                throw new IllegalStateException("could not start Kafka", e);
            }
            // System properties are the JVM's, seen from every class loader; the passwords are this JVM's only.
            System.setProperty(SHARED_BROKER, kafka.bootstrapServers() + "|" + kafka.logDirectory() + "|"
                    + kafka.credentials().encoded());
            closeOnExit(kafka);
        }
        return kafka;
    }

    public static synchronized LocalSmtp smtp() {
        if (smtp == null) {
            smtp = LocalSmtp.start(FreePorts.next());
            closeOnExit(smtp);
        }
        return smtp;
    }

    private static Path scratch() throws java.io.IOException {
        return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "local-stack"));
    }

    /** The unpacked PostgreSQL binaries are kept across builds when the build names a cache folder. */
    private static Path binariesCache() throws java.io.IOException {
        String cache = System.getProperty("aftercare.cache");
        return cache != null ? Path.of(cache, "postgres") : scratch().resolve("postgres-binaries");
    }

    private static void closeOnExit(AutoCloseable resource) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                resource.close();
            } catch (Exception ignored) {
                // the JVM is exiting; nothing is left to clean up for
            }
        }));
    }
}
