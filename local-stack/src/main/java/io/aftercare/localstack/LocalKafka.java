package io.aftercare.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Apache Kafka's own broker in KRaft mode (one combined broker and controller), in this JVM. It does what
 * {@code kafka-storage.sh format} and {@code kafka-server-start.sh} do. The server classes live in modules that
 * kafka_2.13 only exposes at runtime, so they are reached reflectively; that keeps the broker at exactly the
 * version the Quarkus BOM manages for the clients.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Object server;
    private final String bootstrapServers;
    private final Path logDirectory;

    private LocalKafka(Object server, String bootstrapServers, Path logDirectory) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDirectory = logDirectory;
    }

    public static LocalKafka start(Path logDirectory, int port, int controllerPort) throws Exception {
        Files.createDirectories(logDirectory);
        String logDir = logDirectory.toAbsolutePath().toString();
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(logDir);
        }
        Class<?> configClass = Class.forName("kafka.server.KafkaConfig");
        Object config = configClass.getConstructor(Map.class)
                .newInstance(brokerProperties(logDir, port, controllerPort));
        Object server = Class.forName("kafka.server.KafkaRaftServer")
                .getConstructor(configClass, Time.class)
                .newInstance(config, Time.SYSTEM);
        server.getClass().getMethod("startup").invoke(server);
        LocalKafka kafka = new LocalKafka(server, ServiceProcess.HOST + ":" + port, logDirectory.toAbsolutePath());
        kafka.awaitReady();
        kafka.createTopics();
        return kafka;
    }

    /** Every topic the services use, with their dead-letter topics: what a deployment creates before it starts them. */
    public static final List<String> TOPICS = List.of("reminders-due", "notification-status", "recipient-preferences",
            "protocol-published", "patient-replies", "clinic-profiles", "credential-revocations");

    /** Topics whose last record per key is the state: a consumer that starts later still reads every clinic's. */
    private static final java.util.Set<String> COMPACTED = java.util.Set.of("clinic-profiles");

    /**
     * Creates the topics up front, as a deployment does. Left to auto-creation, the topic is made by whichever client
     * asks first; a consumer that made it itself was seen, here, to sit on its new partitions without fetching.
     */
    private void createTopics() throws IOException, InterruptedException {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            java.util.Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<org.apache.kafka.clients.admin.NewTopic> missing = TOPICS.stream()
                    .flatMap(topic -> java.util.stream.Stream.of(topic, topic + "-dlt"))
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new org.apache.kafka.clients.admin.NewTopic(topic, 3, (short) 1)
                            .configs(COMPACTED.contains(topic) ? Map.of("cleanup.policy", "compact") : Map.of()))
                    .toList();
            admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("could not create the topics on " + bootstrapServers, e);
        }
    }

    private static Map<String, String> brokerProperties(String logDir, int port, int controllerPort) {
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + ServiceProcess.HOST + ":" + controllerPort);
        props.put("listeners",
                "PLAINTEXT://" + ServiceProcess.HOST + ":" + port + ",CONTROLLER://" + ServiceProcess.HOST + ":"
                        + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + ServiceProcess.HOST + ":" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir);
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // A laptop or a 2-core CI machine: keep the thread count low.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("log.cleaner.threads", "1");
        return props;
    }

    private static void format(String logDir) throws Exception {
        Class<?> formatterClass = Class.forName("org.apache.kafka.metadata.storage.Formatter");
        Object formatter = formatterClass.getConstructor().newInstance();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        call(formatter, "setPrintStream", PrintStream.class, quiet);
        call(formatter, "setClusterId", String.class, Uuid.randomUuid().toString());
        call(formatter, "setNodeId", int.class, 1);
        call(formatter, "setControllerListenerName", String.class, "CONTROLLER");
        call(formatter, "setMetadataLogDirectory", String.class, logDir);
        call(formatter, "setDirectories", java.util.Collection.class, List.of(logDir));
        Class<?> metadataVersion = Class.forName("org.apache.kafka.server.common.MetadataVersion");
        call(formatter, "setReleaseVersion", metadataVersion, metadataVersion.getField("LATEST_PRODUCTION").get(null));
        formatterClass.getMethod("run").invoke(formatter);
    }

    private static void call(Object target, String name, Class<?> type, Object argument) throws Exception {
        Method method = target.getClass().getMethod(name, type);
        method.invoke(target, argument);
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IOException(
                                "Kafka did not answer on " + bootstrapServers + " within " + READY_TIMEOUT,
                                notYet);
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    /** Where the broker keeps its log segments: what a test searches for a secret that must not be there. */
    public Path logDirectory() {
        return logDirectory;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() throws Exception {
        server.getClass().getMethod("shutdown").invoke(server);
        server.getClass().getMethod("awaitShutdown").invoke(server);
    }
}
