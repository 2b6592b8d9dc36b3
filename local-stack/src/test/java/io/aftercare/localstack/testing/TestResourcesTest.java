package io.aftercare.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/** What each Quarkus test resource hands to a service really points at a working server. */
class TestResourcesTest {

    @Test
    void postgresResourceGivesEachServiceItsOwnDatabase() throws Exception {
        PostgresTestResource resource = new PostgresTestResource();
        resource.init(Map.of(PostgresTestResource.DATABASE, "resource_test"));
        Map<String, String> config = resource.start();

        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT current_database(), current_setting('fsync'), current_setting('synchronous_commit')")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("resource_test");
            // Tests trade durability for speed, and say so: the local run keeps both on.
            assertThat(rows.getString(2)).isEqualTo("off");
            assertThat(rows.getString(3)).isEqualTo("off");
        }
    }

    @Test
    void kafkaResourcePointsAtABrokerThatKeepsWhatIsPublished() {
        String bootstrap = new KafkaTestResource().start().get("kafka.bootstrap.servers");
        String id = UUID.randomUUID().toString();

        try (CloudEventWriter writer = new CloudEventWriter(bootstrap)) {
            writer.send("resource-test", "key", id, "test.event", "{}");
        }
        try (TopicReader reader = new TopicReader(bootstrap, "resource-test")) {
            assertThat(reader.read(r -> new String(r.headers().lastHeader("ce_id").value()).equals(id), 1,
                    Duration.ofSeconds(20))).hasSize(1);
        }
    }

    @Test
    void smtpResourcePointsTheMailerAtARealSmtpServer() throws Exception {
        Map<String, String> config = new SmtpTestResource().start();
        int before = SharedTestInfrastructure.smtp().receivedMessages().size();

        GreenMailUtil.sendTextEmail("patient@example.com", "clinic@example.com", "Your aftercare", "Hello",
                new ServerSetup(Integer.parseInt(config.get("quarkus.mailer.port")), config.get("quarkus.mailer.host"),
                        ServerSetup.PROTOCOL_SMTP));

        assertThat(SharedTestInfrastructure.smtp().receivedMessages()).hasSize(before + 1);
    }
}
