package io.aftercare.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

class LocalInfrastructureTest {

    @Test
    void startsRealServersAndKeepsTheirDataAcrossRestarts() throws Exception {
        Path home = Files.createTempDirectory("local-infrastructure-");
        Path data = home.resolve("data");
        Path cache = home.resolve("cache");
        InfrastructurePorts ports = InfrastructurePorts.random();
        List<String> progress = new ArrayList<>();

        BrokerCredentials firstPasswords = BrokerCredentials.generate();
        try (LocalInfrastructure first = LocalInfrastructure.start(data, cache, ports, firstPasswords,
                progress::add)) {
            // What a clinic runs keeps every acknowledged commit: fsync and synchronous commit are on.
            assertThat(queryFirst(first.postgres().jdbcUrl("scheduling"), "SHOW fsync")).isEqualTo("on");
            assertThat(queryFirst(first.postgres().jdbcUrl("scheduling"), "SHOW synchronous_commit")).isEqualTo("on");
            for (String database : LocalInfrastructure.DATABASES) {
                execute(first.postgres().jdbcUrl(database), "CREATE TABLE kept (name text)",
                        "INSERT INTO kept VALUES ('" + database + "')");
            }
            produce(first.kafka().clientConfig(BrokerUser.ADMIN), "kept-topic", "first-run");
            GreenMailUtil.sendTextEmail("patient@example.com", "clinic@example.com", "Aftercare", "Hello",
                    new ServerSetup(first.smtp().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            List<MimeMessage> mails = first.smtp().receivedMessages();
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).getSubject()).isEqualTo("Aftercare");
        }
        assertThat(progress).anyMatch(line -> line.startsWith("PostgreSQL")).anyMatch(line -> line.startsWith("Kafka"));

        // New passwords on the same data: how a deployment rotates them, and the old ones stop working.
        BrokerCredentials rotated = BrokerCredentials.generate();
        try (LocalInfrastructure second = LocalInfrastructure.start(data, cache, ports, rotated, line -> {
        })) {
            for (String database : LocalInfrastructure.DATABASES) {
                assertThat(queryFirst(second.postgres().jdbcUrl(database), "SELECT name FROM kept"))
                        .isEqualTo(database);
            }
            assertThat(consumeAll(second.kafka().clientConfig(BrokerUser.ADMIN), "kept-topic"))
                    .containsExactly("first-run");
            assertThat(BrokerAccessTest.signInError(
                    firstPasswords.clientConfig(second.kafka().bootstrapServers(), BrokerUser.SCHEDULING)))
                    .isInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class);
        }
    }

    private static void execute(String url, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String queryFirst(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static void produce(Map<String, Object> signIn, String topic, String value) throws Exception {
        Properties config = new Properties();
        config.putAll(signIn);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get();
        }
    }

    private static List<String> consumeAll(Map<String, Object> signIn, String topic) {
        Map<String, Object> config = new java.util.HashMap<>(signIn);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "local-infrastructure-test");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
