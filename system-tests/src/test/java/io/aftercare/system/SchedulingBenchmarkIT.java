package io.aftercare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.LocalPostgres;
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
    private static Path repository;
    private static String apiKey;
    private static Set<Long> brokerThreads;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> RESULTS = new ArrayList<>();

    @BeforeAll
    static void startTheSystem() throws Exception {
        repository = Path.of(System.getProperty("aftercare.repo", "..")).toAbsolutePath().normalize();
        Set<Long> before = CostMeter.liveThreadIds();
        aftercare = SchedulingLoad.startSystem(repository, "benchmark");
        // The broker runs in this JVM: its threads are those the local stack started.
        brokerThreads = new HashSet<>(CostMeter.liveThreadIds());
        brokerThreads.removeAll(before);
        apiKey = SchedulingLoad.issueKey(aftercare, "bench");
        record("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap for the client JVM, Java "
                + System.getProperty("java.version") + "; three services, PostgreSQL and Kafka on the same machine");
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (aftercare != null) {
            aftercare.close();
        }
        // Appended, as every benchmark class does: one -Pbenchmark run's lines together (a clean build starts afresh).
        Files.write(Path.of("target", "benchmark-results.txt"), RESULTS, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    @Test
    void bookingsPerSecondOverHttp() throws Exception {
        String url = aftercare.baseUrl(AftercareService.SCHEDULING);
        SchedulingLoad.putBookings(url, "bench", apiKey, CLIENTS, "warm-up", 400, null);
        Histogram latency = new Histogram(60_000_000_000L, 3);
        long started = System.nanoTime();
        int accepted = SchedulingLoad.putBookings(url, "bench", apiKey, CLIENTS, "bench", BOOKINGS, latency);
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
        try (Connection db = scheduling();
                AttachedJvm scheduling = AttachedJvm.attach(aftercare.service(AftercareService.SCHEDULING).pid())) {
            CostMeter oursMeter = new CostMeter(List.of(CostMeter.jvm("scheduling", scheduling), postgres(),
                    CostMeter.threads("broker", brokerThreads)));
            SchedulingLoad.Backlog backlog = SchedulingLoad.drainBacklog(db, "backlog", BOOKINGS_PER_LOAD, BACKLOG,
                    oursMeter);
            String run = backlog.run();
            double seconds = BACKLOG / backlog.perSecond();
            record(String.format("dispatch: a backlog of %d due reminders of %d bookings published and acknowledged "
                    + "by Kafka in %.1f s = %.0f reminders/s (measured from the commit that made them due)", BACKLOG,
                    BOOKINGS_PER_LOAD, seconds, BACKLOG / seconds));

            // The same reminders again, as db-scheduler executions on the same server, publishing the same events.
            DbSchedulerBaseline.createTable(db);
            assertThat(DbSchedulerBaseline.scheduleFromReminders(db, run)).isEqualTo(BACKLOG);
            CostMeter theirsMeter = new CostMeter(List.of(CostMeter.thisJvmWithout("db-scheduler", brokerThreads),
                    postgres(), CostMeter.threads("broker", brokerThreads)));
            CostMeter.Reading start = theirsMeter.start();
            double baselineSeconds = DbSchedulerBaseline.drain(
                    aftercare.infrastructure().postgres().jdbcUrl("scheduling"), LocalPostgres.USER,
                    aftercare.infrastructure().kafka().bootstrapServers(), DB_SCHEDULER_THREADS,
                    Duration.ofMinutes(10));
            CostMeter.Cost theirs = theirsMeter.stop(start, "db-scheduler", BACKLOG);
            CostMeter.Cost ours = backlog.cost();
            record(String.format("dispatch-vs-db-scheduler: aftercare %.0f/s, db-scheduler %.0f/s, ratio %.2f "
                    + "(db-scheduler 16.12.0, lock-and-fetch, %d threads, same PostgreSQL and Kafka, %d timers each); "
                    + "CPU per reminder: aftercare %.3f ms (scheduling %.3f ms, postgres %.3f ms), db-scheduler %.3f ms "
                    + "(its JVM %.3f ms, postgres %.3f ms)",
                    BACKLOG / seconds, BACKLOG / baselineSeconds, (BACKLOG / seconds) / (BACKLOG / baselineSeconds),
                    DB_SCHEDULER_THREADS, BACKLOG, ours.totalCpuMillis(), share(ours, "scheduling"),
                    share(ours, "postgres"), theirs.totalCpuMillis(), share(theirs, "db-scheduler"),
                    share(theirs, "postgres")));
            record("dispatch cost, aftercare: " + ours.line());
            record("dispatch cost, db-scheduler (in the test's JVM, less the broker's threads): " + theirs.line());
        }
    }

    private static double share(CostMeter.Cost cost, String name) {
        return cost.shares().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().cpuMillis();
    }

    private static CostMeter.Source postgres() throws Exception {
        return CostMeter.postgres(aftercare.infrastructure().postgres().dataDirectory());
    }

    @Test
    void latenessOfDispatchAtASteadyLoad() throws Exception {
        int count = STEADY_RATE * STEADY_SECONDS;
        try (Connection db = scheduling()) {
            String run = SchedulingLoad.insertBookings(db, "steady", BOOKINGS_PER_LOAD);
            // Due times spread evenly over the coming seconds, starting a little ahead of now.
            double stepMillis = 1000.0 / STEADY_RATE;
            SchedulingLoad.insertReminders(db, run, count, "now() + interval '3 seconds' + g * interval '" + stepMillis
                    + " milliseconds'");
            SchedulingLoad.awaitNonePlanned(db, run, Duration.ofSeconds(STEADY_SECONDS + 60L));
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

    private static void record(String line) {
        System.out.println("BENCHMARK " + line);
        RESULTS.add(line);
    }
}
