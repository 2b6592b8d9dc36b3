package io.aftercare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.InfrastructurePorts;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.LocalPostgres;
import io.aftercare.localstack.MiddayZone;
import io.aftercare.localstack.testing.TopicReader;

/**
 * Scheduling's figures on this machine, against the packaged services and real infrastructure: bookings accepted per
 * second over HTTP with latency percentiles, reminders per second from a due backlog to Kafka acknowledgements, and
 * how late reminders leave at a steady load. Run with {@code ./mvnw -B verify -Pbenchmark}; the figures are printed
 * and written to {@code system-tests/target/benchmark-results.txt}.
 */
class SchedulingBenchmarkIT {

    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 32);
    private static final int BOOKINGS = Integer.getInteger("benchmark.bookings", 4000);
    private static final int BACKLOG = Integer.getInteger("benchmark.backlog", 100_000);
    private static final int STEADY_RATE = Integer.getInteger("benchmark.steady-rate", 500);
    private static final int STEADY_SECONDS = Integer.getInteger("benchmark.steady-seconds", 20);
    private static final int BOOKINGS_PER_LOAD = Integer.getInteger("benchmark.load-bookings", 1000);
    private static final int DB_SCHEDULER_THREADS = Integer.getInteger("benchmark.db-scheduler-threads", 32);

    private static LocalAftercare aftercare;
    private static String apiKey;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> RESULTS = new ArrayList<>();

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path repository = Path.of(System.getProperty("aftercare.repo", "..")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("benchmark-");
        aftercare = LocalAftercare.start(
                new LocalAftercare.Layout(repository, home.resolve("data"),
                        Path.of(System.getProperty("aftercare.cache", home.resolve("cache").toString())),
                        home.resolve("logs")),
                InfrastructurePorts.random(), LocalAftercare.randomPorts(), System.out::println);
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create(
                aftercare.baseUrl(AftercareService.SCHEDULING) + "/v1/admin/clinics/bench/credentials"))
                .header("Authorization", basic("operator", "operator"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        apiKey = new ObjectMapper().readTree(issued.body()).path("secret").asText();
        record("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap for the client JVM, Java "
                + System.getProperty("java.version") + "; three services, PostgreSQL and Kafka on the same machine");
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (aftercare != null) {
            aftercare.close();
        }
        Files.write(Path.of("target", "benchmark-results.txt"), RESULTS, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Test
    void bookingsPerSecondOverHttp() throws Exception {
        runBookings("warm-up", 400);
        Histogram latency = new Histogram(60_000_000_000L, 3);
        long started = System.nanoTime();
        int accepted = runBookings("bench", BOOKINGS, latency);
        double seconds = (System.nanoTime() - started) / 1e9;

        record(String.format("bookings: %d accepted in %.1f s = %.0f bookings/s over HTTP (%d concurrent clients, "
                + "each booking planned by guidance: %d reminders); latency p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                accepted, seconds, accepted / seconds, CLIENTS, remindersPerBooking(), latency.getValueAtPercentile(50)
                        / 1e6,
                latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6));
        assertThat(accepted).isEqualTo(BOOKINGS);
    }

    @Test
    void remindersPerSecondFromADueBacklogToKafka() throws Exception {
        // Only scheduling and Kafka are measured: notification would compete for the same two cores.
        aftercare.stopService(AftercareService.NOTIFICATION);
        try (Connection db = scheduling()) {
            String run = insertBookings(db, "backlog", BOOKINGS_PER_LOAD);
            insertReminders(db, run, BACKLOG, "now() - interval '1 minute' + (g % 60) * interval '1 second'");
            // The insert returns with its commit: from here on the dispatcher sees the whole backlog.
            long started = System.nanoTime();
            awaitNonePlanned(db, run, Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - started) / 1e9;
            record(String.format("dispatch: a backlog of %d due reminders of %d bookings published and acknowledged "
                    + "by Kafka in %.1f s = %.0f reminders/s (measured from the commit that made them due)", BACKLOG,
                    BOOKINGS_PER_LOAD, seconds, BACKLOG / seconds));

            // The same reminders again, as db-scheduler executions on the same server, publishing the same events.
            DbSchedulerBaseline.createTable(db);
            assertThat(DbSchedulerBaseline.scheduleFromReminders(db, run)).isEqualTo(BACKLOG);
            double baselineSeconds = DbSchedulerBaseline.drain(
                    aftercare.infrastructure().postgres().jdbcUrl("scheduling"), LocalPostgres.USER,
                    aftercare.infrastructure().kafka().bootstrapServers(), DB_SCHEDULER_THREADS, Duration.ofMinutes(10));
            double ours = BACKLOG / seconds;
            double theirs = BACKLOG / baselineSeconds;
            record(String.format("dispatch-vs-db-scheduler: aftercare %.0f/s, db-scheduler %.0f/s, ratio %.2f "
                    + "(db-scheduler 16.12.0, lock-and-fetch, %d threads, same PostgreSQL and Kafka, %d timers each)",
                    ours, theirs, ours / theirs, DB_SCHEDULER_THREADS, BACKLOG));
        }
    }

    @Test
    void latenessOfDispatchAtASteadyLoad() throws Exception {
        int count = STEADY_RATE * STEADY_SECONDS;
        try (Connection db = scheduling()) {
            String run = insertBookings(db, "steady", BOOKINGS_PER_LOAD);
            // Due times spread evenly over the coming seconds, starting a little ahead of now.
            double stepMillis = 1000.0 / STEADY_RATE;
            insertReminders(db, run, count, "now() + interval '3 seconds' + g * interval '" + stepMillis
                    + " milliseconds'");
            awaitNonePlanned(db, run, Duration.ofSeconds(STEADY_SECONDS + 60L));
            Histogram lateness = new Histogram(3_600_000L, 3);
            ObjectMapper json = new ObjectMapper();
            try (TopicReader topic = new TopicReader(aftercare.infrastructure().kafka().bootstrapServers(),
                    "reminders-due")) {
                for (ConsumerRecord<String, String> record : topic.read(r -> r.value().contains(run), count,
                        Duration.ofSeconds(60))) {
                    Instant due = Instant.parse(json.readTree(record.value()).path("dueAt").asText());
                    lateness.recordValue(Math.max(0, record.timestamp() - due.toEpochMilli()));
                }
            }
            record(String.format("lateness at %d reminders/s for %d s (%d reminders, dispatch interval 250 ms): "
                    + "Kafka timestamp minus due time p50 %d ms, p99 %d ms, max %d ms", STEADY_RATE, STEADY_SECONDS,
                    lateness.getTotalCount(), lateness.getValueAtPercentile(50), lateness.getValueAtPercentile(99),
                    lateness.getMaxValue()));
            assertThat(lateness.getTotalCount()).isEqualTo(count);
        }
    }

    private static int runBookings(String prefix, int count, Histogram... latency) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger accepted = new AtomicInteger();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
        String url = aftercare.baseUrl(AftercareService.SCHEDULING) + "/v1/clinics/bench/bookings/";
        String zone = MiddayZone.now();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            futures.add(clients.submit(() -> {
                String body = """
                        {"patient": {"firstName": "Ana", "phone": "+34612345678", "email": "ana@example.com",
                          "locale": "es", "timeZone": "%s", "preferredChannel": "sms",
                          "consent": {"sms": true, "email": true}},
                         "treatment": {"type": "microneedling", "startsAt": "%s", "durationMinutes": 45},
                         "status": "booked"}
                        """.formatted(zone, start);
                long sent = System.nanoTime();
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + id))
                        .header("Content-Type", "application/json")
                        .header("Authorization", basic("bench", apiKey))
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (latency.length > 0) {
                    latency[0].recordValue(System.nanoTime() - sent);
                }
                if (response.statusCode() == 201) {
                    accepted.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        clients.shutdown();
        return accepted.get();
    }

    private static int remindersPerBooking() throws Exception {
        try (Connection db = scheduling();
                PreparedStatement query = db.prepareStatement(
                        "SELECT count(*)::float / count(DISTINCT booking_id) FROM reminder WHERE clinic_id = 'bench'");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return (int) Math.round(rows.getDouble(1));
        }
    }

    private static Connection scheduling() throws Exception {
        return DriverManager.getConnection(aftercare.infrastructure().postgres().jdbcUrl("scheduling"),
                LocalPostgres.USER, "");
    }

    /** Bookings of one load, their external ids tagged with a run id found again in each event's bookingRef. */
    private static String insertBookings(Connection db, String name, int count) throws Exception {
        String run = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO booking (id, clinic_id, external_id, first_name, phone, locale, time_zone,
                    preferred_channel, sms_consent, email_consent, treatment_type, treatment_start, treatment_end,
                    status, plan_state, protocol_version, created_at, updated_at)
                SELECT gen_random_uuid(), 'bench-dispatch', ? || '-' || g, 'Ana', '+34612345678', 'en',
                    'Europe/Madrid', 'SMS', true, false, 'microneedling', now() - interval '2 hours',
                    now() - interval '1 hour', 'BOOKED', 'PLANNED', 1, now(), now()
                FROM generate_series(0, ?) g
                """)) {
            insert.setString(1, run);
            insert.setInt(2, count - 1);
            insert.executeUpdate();
        }
        return run;
    }

    /** One statement, one commit: the whole load becomes visible to the dispatcher at once. */
    private static void insertReminders(Connection db, String run, int count, String dueExpression)
            throws Exception {
        try (PreparedStatement insert = db.prepareStatement("""
                WITH bookings AS (
                    SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
                    FROM booking WHERE external_id LIKE ? || '-%%')
                INSERT INTO reminder (id, booking_id, clinic_id, rule_key, occurrence, protocol_version, category,
                    priority, channels, locale, due_at, expires_at, sms_text, state, created_at)
                SELECT gen_random_uuid(), b.id, 'bench-dispatch', 'bench', g, 1, 'expectations', 'NORMAL', 'sms',
                    'en', %s, now() + interval '1 day', 'Hi Ana, time to cleanse gently.', 'PLANNED', now()
                FROM generate_series(0, ?) g JOIN bookings b ON b.n = g %% b.total
                """.formatted(dueExpression))) {
            insert.setString(1, run);
            insert.setInt(2, count - 1);
            insert.executeUpdate();
        }
    }

    private static void awaitNonePlanned(Connection db, String run, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        try (PreparedStatement query = db.prepareStatement("""
                SELECT count(*) FROM reminder r JOIN booking b ON b.id = r.booking_id
                WHERE b.external_id LIKE ? || '-%' AND r.state = 'PLANNED'
                """)) {
            query.setString(1, run);
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("reminders still planned after " + bound);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void record(String line) {
        System.out.println("BENCHMARK " + line);
        RESULTS.add(line);
    }
}
