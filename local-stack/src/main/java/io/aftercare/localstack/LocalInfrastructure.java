package io.aftercare.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** PostgreSQL with one database per service, a Kafka broker and an SMTP server, started and stopped together. */
public final class LocalInfrastructure implements AutoCloseable {

    public static final List<String> DATABASES = List.of("guidance", "scheduling", "notification", "console");

    private LocalPostgres postgres;
    private LocalKafka kafka;
    private final LocalSmtp smtp;
    private final Path dataDirectory;
    private final Path postgresBinaries;
    private final InfrastructurePorts ports;
    private final BrokerCredentials brokerCredentials;

    private LocalInfrastructure(LocalPostgres postgres, LocalKafka kafka, LocalSmtp smtp, Path dataDirectory,
            Path postgresBinaries, InfrastructurePorts ports, BrokerCredentials brokerCredentials) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.smtp = smtp;
        this.dataDirectory = dataDirectory;
        this.postgresBinaries = postgresBinaries;
        this.ports = ports;
        this.brokerCredentials = brokerCredentials;
    }

    /**
     * @param dataDirectory where PostgreSQL and Kafka keep their data; reused when it already holds some
     * @param cacheDirectory where the PostgreSQL binaries are unpacked once
     * @param brokerCredentials the passwords the broker's users sign in with
     */
    public static LocalInfrastructure start(Path dataDirectory, Path cacheDirectory, InfrastructurePorts ports,
            BrokerCredentials brokerCredentials, Consumer<String> progress) throws Exception {
        QuietLogs.apply();
        long started = System.nanoTime();
        // What ./aftercare up and the system tests run is what a small clinic may run: durable.
        LocalPostgres postgres = LocalPostgres.start(dataDirectory.resolve("postgres"),
                cacheDirectory.resolve("postgres"), ports.postgres(), DATABASES, LocalPostgres.Durability.DURABLE);
        progress.accept(String.format("PostgreSQL   on :%d ready (%s)", ports.postgres(), since(started)));
        started = System.nanoTime();
        LocalKafka kafka;
        try {
            kafka = LocalKafka.start(dataDirectory.resolve("kafka"), ports.kafka(), ports.kafkaController(),
                    brokerCredentials);
        } catch (Exception e) {
            postgres.close();
            throw e;
        }
        progress.accept(String.format("Kafka        on :%d ready (%s)", ports.kafka(), since(started)));
        LocalSmtp smtp = LocalSmtp.start(ports.smtp());
        progress.accept(String.format("SMTP         on :%d ready", ports.smtp()));
        return new LocalInfrastructure(postgres, kafka, smtp, dataDirectory, cacheDirectory.resolve("postgres"),
                ports, brokerCredentials);
    }

    static String since(long startedNanos) {
        return String.format("%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }

    public synchronized LocalPostgres postgres() {
        return postgres;
    }

    /** Stops PostgreSQL, as an outage would; {@link #startPostgres()} brings it back on the same port and data. */
    public synchronized void stopPostgres() throws java.io.IOException {
        postgres.close();
    }

    /** Stops PostgreSQL as a crash would ({@link LocalPostgres#crash()}); {@link #startPostgres()} recovers it. */
    public synchronized void crashPostgres() throws java.io.IOException, InterruptedException {
        postgres.crash();
    }

    public synchronized void startPostgres() throws java.io.IOException {
        postgres = LocalPostgres.start(dataDirectory.resolve("postgres"), postgresBinaries, postgres.port(),
                DATABASES, LocalPostgres.Durability.DURABLE);
    }

    /** Stops the Kafka broker; {@link #startKafka()} brings it back on the same ports and log. */
    public synchronized void stopKafka() throws Exception {
        kafka.close();
    }

    public synchronized void startKafka() throws Exception {
        kafka = LocalKafka.start(dataDirectory.resolve("kafka"), ports.kafka(), ports.kafkaController(),
                brokerCredentials);
    }

    public synchronized LocalKafka kafka() {
        return kafka;
    }

    public LocalSmtp smtp() {
        return smtp;
    }

    @Override
    public void close() throws Exception {
        try {
            smtp.close();
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
