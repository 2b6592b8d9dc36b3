package io.aftercare.system;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.aftercare.localstack.BrokerUser;
import io.aftercare.localstack.LocalKafka;

/**
 * The field's reference for durable timers, run beside our dispatcher: db-scheduler with its lock-and-fetch polling
 * (one {@code UPDATE ... FOR UPDATE SKIP LOCKED ... RETURNING} per fetch, like our claim) on the same PostgreSQL
 * server, draining a backlog of the same reminders, each execution publishing the same reminders-due event to Kafka
 * with acks=all on an idempotent producer before db-scheduler records it done.
 *
 * <p>
 * The executions are made from scheduling's own reminder rows (same ids, same JSON fields as the event our dispatcher
 * publishes) and live in a schema of the scheduling database, so both sides read and write the same server, tables of
 * the same size, and publish the same bytes to the same broker.
 */
final class DbSchedulerBaseline {

    private static final String TASK = "publish-reminder";
    private static final String TOPIC = "reminders-due-db-scheduler";

    private DbSchedulerBaseline() {
    }

    /** db-scheduler's PostgreSQL table, as its documentation gives it, in a schema of its own. */
    static void createTable(Connection db) throws Exception {
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE SCHEMA IF NOT EXISTS dbscheduler");
            ddl.execute("""
                    CREATE TABLE IF NOT EXISTS dbscheduler.scheduled_tasks (
                        task_name            text                     NOT NULL,
                        task_instance        text                     NOT NULL,
                        task_data            bytea,
                        execution_time       timestamp with time zone NOT NULL,
                        picked               boolean                  NOT NULL,
                        picked_by            text,
                        last_success         timestamp with time zone,
                        last_failure         timestamp with time zone,
                        consecutive_failures int,
                        last_heartbeat       timestamp with time zone,
                        version              bigint                   NOT NULL,
                        priority             smallint,
                        PRIMARY KEY (task_name, task_instance))
                    """);
            ddl.execute(
                    "CREATE INDEX IF NOT EXISTS execution_time_idx ON dbscheduler.scheduled_tasks (execution_time)");
            ddl.execute(
                    "CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON dbscheduler.scheduled_tasks (last_heartbeat)");
            ddl.execute("CREATE INDEX IF NOT EXISTS priority_execution_time_idx "
                    + "ON dbscheduler.scheduled_tasks (priority DESC, execution_time ASC)");
        }
    }

    /**
     * One due execution per reminder of the bookings whose external id starts with {@code run}, carrying the event
     * JSON our dispatcher would publish for it.
     */
    static int scheduleFromReminders(Connection db, String run) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO dbscheduler.scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,
                    version, priority)
                SELECT ?, r.id::text, convert_to(json_build_object(
                        'reminderId', r.id, 'clinicId', r.clinic_id, 'bookingId', r.booking_id,
                        'bookingRef', b.external_id,
                        'recipient', json_build_object('firstName', b.first_name, 'phone', b.phone,
                            'email', b.email, 'locale', b.locale, 'timeZone', b.time_zone,
                            'preferredChannel', b.preferred_channel, 'smsConsent', b.sms_consent,
                            'emailConsent', b.email_consent),
                        'ruleKey', r.rule_key, 'occurrence', r.occurrence, 'category', r.category,
                        'protocolVersion', r.protocol_version, 'priority', r.priority,
                        'channels', string_to_array(r.channels, ','), 'locale', r.locale, 'dueAt', r.due_at,
                        'expiresAt', r.expires_at,
                        'messages', json_build_object('sms', r.sms_text, 'email', NULL))::text, 'UTF8'),
                    r.due_at, false, 1, 0
                FROM reminder r JOIN booking b ON b.id = r.booking_id
                WHERE b.external_id LIKE ? || '-%'
                """)) {
            insert.setString(1, TASK);
            insert.setString(2, run);
            return insert.executeUpdate();
        }
    }

    /**
     * Starts db-scheduler on the backlog and waits until every execution has run (a one-time execution's row is
     * deleted when it completes).
     *
     * @return the seconds from the scheduler's start until the table is empty
     */
    static double drain(String jdbcUrl, String user, String bootstrapServers, int threads, Duration bound)
            throws Exception {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword("");
        pool.setMaximumPoolSize(threads + 4);
        try (HikariDataSource dataSource = new HikariDataSource(pool);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings(bootstrapServers))) {
            OneTimeTask<byte[]> publish = Tasks.oneTime(TASK, byte[].class).execute((instance, context) -> {
                ProducerRecord<String, byte[]> event = new ProducerRecord<>(TOPIC, null, instance.getId(),
                        instance.getData(), List.of(header("ce_id", instance.getId()),
                                header("ce_specversion", "1.0"), header("ce_type", "io.aftercare.reminder.due.v1"),
                                header("ce_source", "/scheduling-service"),
                                header("content-type", "application/json")));
                try {
                    // As our dispatcher does: an execution is done only once Kafka acknowledged its event.
                    producer.send(event).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            });
            Scheduler scheduler = Scheduler.create(dataSource, publish)
                    .tableName("dbscheduler.scheduled_tasks")
                    .serializer(new PassThrough())
                    .threads(threads)
                    .pollUsingLockAndFetch(0.5, 3.0)
                    .pollingInterval(Duration.ofMillis(250))
                    .build();
            long started = System.nanoTime();
            scheduler.start();
            try {
                awaitEmpty(dataSource, bound);
                return (System.nanoTime() - started) / 1e9;
            } finally {
                scheduler.stop();
            }
        }
    }

    private static void awaitEmpty(HikariDataSource dataSource, Duration bound) throws Exception {
        try (Connection db = dataSource.getConnection()) {
            SchedulingLoad.awaitZero(db, "SELECT count(*) FROM dbscheduler.scheduled_tasks WHERE task_name = ?", TASK,
                    bound, "db-scheduler executions still pending");
        }
    }

    private static Properties producerSettings(String bootstrapServers) {
        Properties settings = new Properties();
        // Signed in as scheduling, as our dispatcher is, so that both pay the same for the broker's checks.
        settings.putAll(LocalKafka.clientConfig(bootstrapServers, BrokerUser.SCHEDULING));
        settings.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5", ProducerConfig.BATCH_SIZE_CONFIG, "262144",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(), ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class.getName()));
        return settings;
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The event JSON is stored as its bytes and published as they are: no Java serialization on either side. */
    private static final class PassThrough implements Serializer {

        @Override
        public byte[] serialize(Object data) {
            return (byte[]) data;
        }

        @Override
        public <T> T deserialize(Class<T> type, byte[] serialized) {
            return type.cast(serialized);
        }
    }
}
