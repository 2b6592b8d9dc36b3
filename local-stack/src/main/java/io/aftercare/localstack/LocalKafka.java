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
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * The brokers of this JVM by address, so that a test's reader or writer, which is given only an address as a
     * service is, signs in to the broker it was pointed at.
     */
    private static final Map<String, BrokerCredentials> RUNNING = new ConcurrentHashMap<>();

    private final Object server;
    private final String bootstrapServers;
    private final Path logDirectory;
    private final BrokerCredentials credentials;

    private LocalKafka(Object server, String bootstrapServers, Path logDirectory, BrokerCredentials credentials) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDirectory = logDirectory;
        this.credentials = credentials;
    }

    /**
     * Starts the broker with every listener behind SASL and ACLs on, signs the services' users in with the given
     * passwords (replacing older ones, which is how a password is rotated), then creates the topics and the ACLs.
     */
    public static LocalKafka start(Path logDirectory, int port, int controllerPort, BrokerCredentials credentials)
            throws Exception {
        Files.createDirectories(logDirectory);
        String logDir = logDirectory.toAbsolutePath().toString();
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(logDir);
        }
        Class<?> configClass = Class.forName("kafka.server.KafkaConfig");
        Object config = configClass.getConstructor(Map.class)
                .newInstance(brokerProperties(logDir, port, controllerPort, credentials));
        Object server = Class.forName("kafka.server.KafkaRaftServer")
                .getConstructor(configClass, Time.class)
                .newInstance(config, Time.SYSTEM);
        server.getClass().getMethod("startup").invoke(server);
        LocalKafka kafka = new LocalKafka(server, ServiceProcess.HOST + ":" + port, logDirectory.toAbsolutePath(),
                credentials);
        RUNNING.put(kafka.bootstrapServers, credentials);
        kafka.awaitReady();
        kafka.createTopics();
        BrokerSetup.apply(kafka.clientConfig(BrokerUser.ADMIN), credentials);
        return kafka;
    }

    /**
     * A handle on a broker this JVM already runs, started from another class loader (Quarkus gives a test profile
     * one of its own). A second broker there could not sign its own users in: the JVM's SASL providers are those of
     * the class loader that registered them first, and their callbacks are not the new loader's classes. Closing the
     * handle leaves the broker running.
     */
    public static LocalKafka attach(String bootstrapServers, Path logDirectory, BrokerCredentials credentials) {
        LocalKafka kafka = new LocalKafka(null, bootstrapServers, logDirectory, credentials);
        RUNNING.put(bootstrapServers, credentials);
        return kafka;
    }

    /** Every topic the services use, with their dead-letter topics: what a deployment creates before it starts them. */
    public static final List<String> TOPICS = List.of("reminders-due", "notification-status", "recipient-preferences",
            "protocol-published", "patient-replies", "replies-handled", "clinic-profiles", "credential-revocations");

    /**
     * Partitions of every topic, here and in a deployment (ops/kafka/setup.sh, docker-compose.yml; a test keeps them
     * equal). A consumer group spreads a topic's partitions over its members, so at most this many instances of a
     * service take in a topic's events; 6 divides evenly among 1, 2, 3 or 6 instances. Why, and how to choose more:
     * docs/running-at-scale.md.
     */
    public static final int PARTITIONS = 6;

    /** Topics whose last record per key is the state: a consumer that starts later still reads every clinic's. */
    private static final java.util.Set<String> COMPACTED = java.util.Set.of("clinic-profiles");

    /**
     * Creates the topics up front, as a deployment does. Left to auto-creation, the topic is made by whichever client
     * asks first; a consumer that made it itself was seen, here, to sit on its new partitions without fetching.
     */
    private void createTopics() throws IOException, InterruptedException {
        try (Admin admin = Admin.create(clientConfig(BrokerUser.ADMIN))) {
            java.util.Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<org.apache.kafka.clients.admin.NewTopic> missing = TOPICS.stream()
                    .flatMap(topic -> java.util.stream.Stream.of(topic, topic + "-dlt"))
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new org.apache.kafka.clients.admin.NewTopic(topic, PARTITIONS, (short) 1)
                            .configs(COMPACTED.contains(topic) ? Map.of("cleanup.policy", "compact") : Map.of()))
                    .toList();
            admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("could not create the topics on " + bootstrapServers, e);
        }
    }

    private static Map<String, String> brokerProperties(String logDir, int port, int controllerPort,
            BrokerCredentials credentials) {
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + ServiceProcess.HOST + ":" + controllerPort);
        props.put("listeners",
                "CLIENT://" + ServiceProcess.HOST + ":" + port + ",CONTROLLER://" + ServiceProcess.HOST + ":"
                        + controllerPort);
        props.put("advertised.listeners", "CLIENT://" + ServiceProcess.HOST + ":" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "CLIENT");
        props.putAll(saslProperties(credentials));
        props.put("log.dirs", logDir);
        props.put("num.partitions", String.valueOf(PARTITIONS));
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
        // Each partition's open segment allocates its two index files whole (10 MB each by default, sparse): a hundred
        // partitions are 2 GB that the tests' search of the broker's files for a secret reads as zeros. 1 MB indexes
        // still cover a few hundred MB of log per segment, far more than a local run writes.
        props.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        return props;
    }

    /**
     * No listener takes a client that has not signed in: the services use SCRAM-SHA-512 on the client listener; the
     * admin (the broker itself, towards its controller, and whoever creates topics and ACLs) uses PLAIN, checked
     * against this configuration. With the authorizer on and no ACL, nothing is allowed but what the admin does.
     */
    private static Map<String, String> saslProperties(BrokerCredentials credentials) {
        String admin = BrokerUser.ADMIN.userName();
        String adminPassword = credentials.password(BrokerUser.ADMIN);
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin
                + "\" password=\"" + adminPassword + "\" user_" + admin + "=\"" + adminPassword + "\";";
        Map<String, String> props = new HashMap<>();
        props.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        props.put("sasl.enabled.mechanisms",
                BrokerCredentials.SERVICE_MECHANISM + "," + BrokerCredentials.ADMIN_MECHANISM);
        props.put("listener.name.client.sasl.enabled.mechanisms",
                BrokerCredentials.SERVICE_MECHANISM + "," + BrokerCredentials.ADMIN_MECHANISM);
        props.put("listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put("listener.name.client.plain.sasl.jaas.config", plain);
        props.put("sasl.mechanism.inter.broker.protocol", BrokerCredentials.ADMIN_MECHANISM);
        props.put("listener.name.controller.sasl.enabled.mechanisms", BrokerCredentials.ADMIN_MECHANISM);
        props.put("listener.name.controller.plain.sasl.jaas.config", plain);
        props.put("sasl.mechanism.controller.protocol", BrokerCredentials.ADMIN_MECHANISM);
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("super.users", BrokerUser.ADMIN.principal());
        props.put("allow.everyone.if.no.acl.found", "false");
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
        Map<String, Object> config = new HashMap<>(clientConfig(BrokerUser.ADMIN));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
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

    public BrokerCredentials credentials() {
        return credentials;
    }

    /** What a Kafka client needs to sign in to this broker as the given user. */
    public Map<String, Object> clientConfig(BrokerUser user) {
        return credentials.clientConfig(bootstrapServers, user);
    }

    /**
     * As {@link #clientConfig(BrokerUser)}, for the broker of this JVM at the given address: what a test's reader or
     * writer uses, given the address the service under test was given.
     */
    public static Map<String, Object> clientConfig(String bootstrapServers, BrokerUser user) {
        BrokerCredentials running = RUNNING.get(bootstrapServers);
        if (running == null) {
            throw new IllegalStateException("no broker of this JVM listens on " + bootstrapServers);
        }
        return running.clientConfig(bootstrapServers, user);
    }

    @Override
    public void close() throws Exception {
        if (server == null) {
            return;
        }
        server.getClass().getMethod("shutdown").invoke(server);
        server.getClass().getMethod("awaitShutdown").invoke(server);
    }
}
