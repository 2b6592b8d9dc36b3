package io.aftercare.scheduling.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.aftercare.events.NotificationStatus;
import io.aftercare.localstack.BrokerUser;
import io.aftercare.localstack.LocalKafka;
import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.TopicReader;
import io.aftercare.scheduling.BookingFixtures;
import io.aftercare.scheduling.Clinics;
import io.aftercare.scheduling.service.ReminderOutcomes;
import io.aftercare.scheduling.service.ReminderOutcomes.Reported;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What notification reports, taken a poll at a time: the poll ends as its events would one at a time, in order, a
 * redelivered event changes nothing, and an event that cannot be read or recorded is parked alone.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class NotificationStatusConsumerTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ReminderOutcomes outcomes;
    @Inject
    DataSource dataSource;

    /**
     * Each sequence goes to one reminder in a single batch and to its twin one event at a time; both end alike, and as
     * the rules say. The second batch redelivers an event after a later one changed the row: nothing changes.
     */
    @Test
    void aBatchEndsAsItsEventsOneAtATimeAndARedeliveredEventChangesNothing() throws SQLException {
        List<List<String>> sequences = List.of(List.of("sent", "delivered"), List.of("delivered", "failed"),
                List.of("failed", "delivered"), List.of("failed", "sent"), List.of("failed", "failed"));
        List<UUID> reminders = dispatchedReminders(2 * sequences.size());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Reported> batch = new ArrayList<>();
        List<Reported> redelivered = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i++) {
            List<Reported> inBatch = events(reminders.get(2 * i), sequences.get(i), at);
            List<Reported> oneAtATime = events(reminders.get(2 * i + 1), sequences.get(i), at);
            batch.addAll(inBatch);
            oneAtATime.forEach(event -> outcomes.reported(event.eventId(), event.event()));
            redelivered.add(inBatch.get(0));
            outcomes.reported(oneAtATime.get(0).eventId(), oneAtATime.get(0).event());
        }

        outcomes.reportedAll(batch);
        outcomes.reportedAll(redelivered);

        for (int i = 0; i < sequences.size(); i++) {
            assertThat(row(reminders.get(2 * i))).as(sequences.get(i).toString())
                    .isEqualTo(row(reminders.get(2 * i + 1)));
        }
        assertThat(row(reminders.get(0))).containsExactly("DELIVERED", "delivered", null);
        assertThat(row(reminders.get(2))).containsExactly("DELIVERED", "delivered", null);
        assertThat(row(reminders.get(4))).containsExactly("DELIVERED", "delivered", null);
        assertThat(row(reminders.get(6))).containsExactly("FAILED", "sent", null);
        // The same event id twice in one batch: the second, with another reason, changes nothing.
        assertThat(row(reminders.get(8))).containsExactly("FAILED", "failed", "reason 0");
    }

    /**
     * One producer batch on one partition comes in one poll: an unreadable event and one that cannot be recorded
     * (its status is longer than the column) go to the dead-letter topic, each with the reason; the others are
     * recorded, two for one reminder in their order.
     */
    @Test
    void inAPollOnlyTheEventsThatCannotBeReadOrRecordedAreParked() throws Exception {
        List<UUID> reminders = dispatchedReminders(3);
        UUID delivered = reminders.get(0);
        UUID sentThenFailed = reminders.get(1);
        UUID unrecordable = reminders.get(2);
        String poison = "poison-" + UUID.randomUUID();
        String tooLong = unrecordable + ":" + "x".repeat(30);
        Map<String, String> events = new LinkedHashMap<>();
        events.put(delivered + ":delivered", status(delivered, "delivered"));
        events.put(poison, "{\"reminderId\": \"not-a-uuid\", \"status\": 42");
        events.put(sentThenFailed + ":sent", status(sentThenFailed, "sent"));
        events.put(tooLong, status(unrecordable, "x".repeat(30)));
        events.put(sentThenFailed + ":failed", status(sentThenFailed, "failed"));

        sendTogether(UUID.randomUUID().toString(), events);

        await().atMost(BOUND).pollInSameThread().pollInterval(Duration.ofMillis(100))
                .until(() -> row(delivered).get(0).equals("DELIVERED") && row(sentThenFailed).get(1).equals("failed"));
        assertThat(row(sentThenFailed)).containsExactly("FAILED", "failed", null);
        try (TopicReader parked = new TopicReader(bootstrapServers, "notification-status-dlt")) {
            List<ConsumerRecord<String, String>> ours = parked.read(r -> events.containsKey(ceId(r)), 2, BOUND);
            // Anything else of ours would have been parked before or with these two (one poll, one DLT producer).
            ours.addAll(parked.readFor(r -> events.containsKey(ceId(r)), Duration.ofMillis(500)));
            assertThat(ours).extracting(NotificationStatusConsumerTest::ceId)
                    .containsExactlyInAnyOrder(poison, tooLong);
            assertThat(ours).allSatisfy(r -> assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull());
        }
        assertThat(row(unrecordable)).containsExactly("DISPATCHED", null, null);
    }

    private static List<Reported> events(UUID reminderId, List<String> statuses, Instant at) {
        List<Reported> events = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            String status = statuses.get(i);
            String reason = status.equals("failed") ? "reason " + i : null;
            events.add(new Reported(reminderId + ":" + status,
                    new NotificationStatus(reminderId, "clinic-p", UUID.randomUUID(), status, "sms", reason,
                            at.plusSeconds(i))));
        }
        return events;
    }

    private static String status(UUID reminderId, String status) {
        return """
                {"reminderId": "%s", "clinicId": "clinic-p", "bookingId": "%s", "status": "%s", "channel": "sms",
                 "at": "%s"}
                """.formatted(reminderId, UUID.randomUUID(), status, Instant.now());
    }

    /** One key, so one partition; sent without waiting and flushed at once, so the broker holds them as one batch. */
    private void sendTogether(String key, Map<String, String> events) {
        Map<String, Object> config = new HashMap<>(LocalKafka.clientConfig(bootstrapServers, BrokerUser.ADMIN));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            events.forEach((id, data) -> {
                ProducerRecord<String, String> record = new ProducerRecord<>("notification-status", key, data);
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", id);
                header(record, "ce_type", NotificationStatus.TYPE);
                header(record, "ce_source", "/aftercare/tests");
                header(record, "content-type", "application/json");
                producer.send(record);
            });
            producer.flush();
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String ceId(ConsumerRecord<String, String> record) {
        var id = record.headers().lastHeader("ce_id");
        return id == null ? "" : new String(id.value(), StandardCharsets.UTF_8);
    }

    /** Reminders of new bookings, put where the dispatcher leaves them once Kafka has them. */
    private List<UUID> dispatchedReminders(int count) {
        List<UUID> ids = new ArrayList<>();
        while (ids.size() < count) {
            OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
            String path = "/v1/clinics/clinic-p/bookings/" + BookingFixtures.uniqueId("outcomes");
            String bookingId = Clinics.as("clinic-p")
                    .body(BookingFixtures.booking(start, start.plusMinutes(45), "booked"))
                    .put(path).then().statusCode(201).extract().path("id");
            ids.addAll(await().atMost(BOUND).pollInSameThread().pollInterval(Duration.ofMillis(100))
                    .until(() -> query("""
                            UPDATE reminder SET state = 'DISPATCHED', dispatched_at = now()
                            WHERE booking_id = CAST(? AS uuid) AND state = 'PLANNED' RETURNING id""", bookingId,
                            rows -> rows.getObject(1, UUID.class)), list -> !list.isEmpty()));
        }
        return ids.subList(0, count);
    }

    /** State, last reported status and reason. */
    private List<String> row(UUID reminderId) throws SQLException {
        List<List<String>> rows = query("SELECT state, notified_status, notified_reason FROM reminder WHERE id = ?",
                reminderId, read -> Arrays.asList(read.getString(1), read.getString(2), read.getString(3)));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private <T> List<T> query(String sql, Object parameter, RowReader<T> reader) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> read = new ArrayList<>();
                while (rows.next()) {
                    read.add(reader.read(rows));
                }
                return read;
            }
        }
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }
}
