package io.aftercare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.LocalPostgres;

/**
 * Scheduling with a large table: the same figures measured with a small reminder table and again after ten million
 * future reminders were laid into it, in one run on one machine. What must hold at scale: the dispatch rate of a due
 * backlog (within 10% of the small table's), a booking PUT's p99, and the ops overview's answer time. Run with
 * {@code ./mvnw -B verify -Pbenchmark}; the size with {@code -Dbenchmark.scale-reminders=}.
 */
class ScaleBenchmarkIT {

    private static final int FUTURE_REMINDERS = Integer.getInteger("benchmark.scale-reminders", 10_000_000);
    private static final int REMINDERS_PER_BOOKING = 9;
    private static final int CHUNK = 1_000_000;
    private static final long SPAN_SECONDS = 60L * 24 * 3600;
    private static final int BACKLOG = Integer.getInteger("benchmark.backlog", 100_000);
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 32);
    private static final int BOOKINGS = Integer.getInteger("benchmark.scale-bookings", 2000);
    private static final int OVERVIEW_CALLS = 20;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> RESULTS = new ArrayList<>();
    private static LocalAftercare aftercare;
    private static String apiKey;

    @BeforeAll
    static void startTheSystem() throws Exception {
        aftercare = SchedulingLoad.startSystem(
                Path.of(System.getProperty("aftercare.repo", "..")).toAbsolutePath().normalize(), "scale-benchmark");
        // Only scheduling, its database and Kafka are measured: notification would compete for the two cores.
        aftercare.stopService(AftercareService.NOTIFICATION);
        apiKey = SchedulingLoad.issueKey(aftercare, "bench");
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (aftercare != null) {
            aftercare.close();
        }
        Files.write(Path.of("target", "benchmark-scale-results.txt"), RESULTS, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Test
    void dispatchBookingsAndTheOpsOverviewHoldWithTenMillionFutureReminders() throws Exception {
        try (Connection db = DriverManager.getConnection(
                aftercare.infrastructure().postgres().jdbcUrl("scheduling"), LocalPostgres.USER, "")) {
            Figures small = measure(db, "small");
            long fillStarted = System.nanoTime();
            fill(db);
            double fillSeconds = (System.nanoTime() - fillStarted) / 1e9;
            Figures large = measure(db, "large");

            record(String.format("scale: %d future reminders laid in %.0f s; dispatch of a %d backlog %.0f/s "
                    + "(small table %.0f/s, %+.1f%%); booking PUT p50 %.1f ms, p99 %.1f ms (small table p50 %.1f ms, "
                    + "p99 %.1f ms); ops overview 24 h p50 %.1f ms, max %.1f ms; 7 days p50 %.1f ms, max %.1f ms "
                    + "(small table 24 h p50 %.1f ms)", FUTURE_REMINDERS, fillSeconds, BACKLOG, large.dispatch(),
                    small.dispatch(), 100 * (large.dispatch() - small.dispatch()) / small.dispatch(),
                    large.putP50(), large.putP99(), small.putP50(), small.putP99(), large.overviewDayP50(),
                    large.overviewDayMax(), large.overviewWeekP50(), large.overviewWeekMax(),
                    small.overviewDayP50()));
        }
    }

    private record Figures(double dispatch, double putP50, double putP99, double overviewDayP50,
            double overviewDayMax, double overviewWeekP50, double overviewWeekMax) {
    }

    private Figures measure(Connection db, String name) throws Exception {
        double dispatch = SchedulingLoad.drainBacklog(db, name + "-backlog", 1000, BACKLOG).perSecond();
        String url = aftercare.baseUrl(AftercareService.SCHEDULING);
        SchedulingLoad.putBookings(url, "bench", apiKey, CLIENTS, name + "-warm-up", 400, null);
        Histogram put = new Histogram(60_000_000_000L, 3);
        int accepted = SchedulingLoad.putBookings(url, "bench", apiKey, CLIENTS, name + "-put", BOOKINGS, put);
        assertThat(accepted).isEqualTo(BOOKINGS);
        Histogram day = overview(24);
        Histogram week = overview(24 * 7);
        return new Figures(dispatch, ms(put, 50), ms(put, 99), ms(day, 50), day.getMaxValue() / 1e6, ms(week, 50),
                week.getMaxValue() / 1e6);
    }

    private static Histogram overview(int hours) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(aftercare.baseUrl(AftercareService.SCHEDULING)
                + "/v1/ops/overview?hours=" + hours))
                .header("Authorization", SchedulingLoad.basic("operator", aftercare.secrets().operatorPassword()))
                .build();
        Histogram latency = new Histogram(60_000_000_000L, 3);
        for (int i = 0; i < OVERVIEW_CALLS + 3; i++) {
            long sent = System.nanoTime();
            HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(200);
            if (i >= 3) {
                latency.recordValue(System.nanoTime() - sent);
            }
        }
        return latency;
    }

    /**
     * Ten million reminders of a million bookings, due over the next 60 days and created over the last 60, as a busy
     * deployment would hold them; laid in chunks of a million, each its own transaction.
     */
    private static void fill(Connection db) throws Exception {
        int bookings = FUTURE_REMINDERS / REMINDERS_PER_BOOKING;
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO booking (id, clinic_id, external_id, first_name, phone, locale, time_zone,
                    preferred_channel, sms_consent, email_consent, treatment_type, treatment_start, treatment_end,
                    status, plan_state, protocol_version, created_at, updated_at)
                SELECT gen_random_uuid(), 'scale-' || (g % 50), 'scale-' || g, 'Ana', '+34612345678', 'en',
                    'Europe/Madrid', 'SMS', true, false, 'microneedling', t.ends - interval '45 minutes', t.ends,
                    'BOOKED', 'PLANNED', 1, t.created, t.created
                FROM generate_series(?, ?) g,
                     LATERAL (SELECT now() + interval '1 day' + (g * ?::float8) * interval '1 second' AS ends,
                                     now() - (g * ?::float8) * interval '1 second' AS created) t
                """)) {
            // Spread over 60 days; the first treatment a day ahead, so that none falls due during the run.
            double step = (double) SPAN_SECONDS / bookings;
            for (int from = 0; from < bookings; from += CHUNK) {
                insert.setInt(1, from);
                insert.setInt(2, Math.min(bookings, from + CHUNK) - 1);
                insert.setDouble(3, step);
                insert.setDouble(4, step);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement insert = db.prepareStatement(
                """
                        INSERT INTO reminder (id, booking_id, clinic_id, rule_key, occurrence, protocol_version, category,
                            priority, channels, locale, due_at, expires_at, sms_text, state, created_at)
                        SELECT gen_random_uuid(), b.id, b.clinic_id, 'moment-' || k, 0, 1, 'expectations', 'NORMAL', 'sms',
                            'en', b.treatment_end + k * interval '1 day', b.treatment_end + k * interval '1 day' + interval '12 hours',
                            'Hi Ana, a gentle cleanser tonight and no makeup until tomorrow evening. Reply STOP to opt out.',
                            'PLANNED', b.created_at
                        FROM booking b CROSS JOIN generate_series(0, ?) k
                        WHERE b.treatment_type = 'microneedling' AND b.clinic_id LIKE 'scale-%'
                          AND substring(b.external_id FROM 7)::int BETWEEN ? AND ?
                        """)) {
            // Chunks of about a million reminders, each its own transaction.
            int perChunk = CHUNK / REMINDERS_PER_BOOKING;
            for (int from = 0; from < bookings; from += perChunk) {
                insert.setInt(1, REMINDERS_PER_BOOKING - 1);
                insert.setInt(2, from);
                insert.setInt(3, Math.min(bookings, from + perChunk) - 1);
                insert.executeUpdate();
            }
        }
        try (Statement analyze = db.createStatement()) {
            analyze.execute("VACUUM ANALYZE booking");
            analyze.execute("VACUUM ANALYZE reminder");
        }
        try (Statement count = db.createStatement();
                var rows = count.executeQuery("SELECT count(*) FROM reminder WHERE clinic_id LIKE 'scale-%'")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo((long) bookings * REMINDERS_PER_BOOKING);
        }
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    private static void record(String line) {
        System.out.println("BENCHMARK " + line);
        RESULTS.add(line);
    }
}
