package io.aftercare.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.InfrastructurePorts;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.MiddayZone;

/** The loads the scheduling benchmarks put on the packaged service and its database. */
final class SchedulingLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SchedulingLoad() {
    }

    /**
     * Bookings PUT over HTTP by {@code clients} concurrent clients, for treatments a week ahead.
     *
     * @return how many were accepted (201)
     */
    static int putBookings(String schedulingUrl, String clinicId, String apiKey, int clients, String prefix,
            int count, Histogram latency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger accepted = new AtomicInteger();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
        String url = schedulingUrl + "/v1/clinics/" + clinicId + "/bookings/";
        String zone = MiddayZone.now();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            futures.add(pool.submit(() -> {
                String body = bookingBody(zone, start);
                long sent = System.nanoTime();
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + id))
                        .header("Content-Type", "application/json")
                        .header("Authorization", basic(clinicId, apiKey))
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (latency != null) {
                    latency.recordValue(System.nanoTime() - sent);
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
        pool.shutdown();
        return accepted.get();
    }

    /** A booking as a clinic's system PUTs it: one patient, a microneedling treatment a week ahead. */
    static String bookingBody(String zone, OffsetDateTime start) {
        return """
                {"patient": {"firstName": "Ana", "phone": "+34612345678", "email": "ana@example.com",
                  "locale": "es", "timeZone": "%s", "preferredChannel": "sms",
                  "consent": {"sms": true, "email": true}},
                 "treatment": {"type": "microneedling", "startsAt": "%s", "durationMinutes": 45},
                 "status": "booked"}
                """.formatted(zone, start);
    }

    /** Bookings of one load, their external ids tagged with a run id found again in each event's bookingRef. */
    static String insertBookings(Connection db, String name, int count) throws Exception {
        return insertBookings(db, "public", name, count);
    }

    /** The same, into the tables of {@code schema} (the cost benchmark's floor has copies of scheduling's). */
    static String insertBookings(Connection db, String schema, String name, int count) throws Exception {
        String run = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO %s.booking (id, clinic_id, external_id, first_name, phone, locale, time_zone,
                    preferred_channel, sms_consent, email_consent, treatment_type, treatment_start, treatment_end,
                    status, plan_state, protocol_version, created_at, updated_at)
                SELECT gen_random_uuid(), 'bench-dispatch', ? || '-' || g, 'Ana', '+34612345678', 'en',
                    'Europe/Madrid', 'SMS', true, false, 'microneedling', now() - interval '2 hours',
                    now() - interval '1 hour', 'BOOKED', 'PLANNED', 1, now(), now()
                FROM generate_series(0, ?) g
                """.formatted(schema))) {
            insert.setString(1, run);
            insert.setInt(2, count - 1);
            insert.executeUpdate();
        }
        return run;
    }

    /** One statement, one commit: the whole load becomes visible to the dispatcher at once. */
    static void insertReminders(Connection db, String run, int count, String dueExpression) throws Exception {
        insertReminders(db, "public", run, count, dueExpression);
    }

    static void insertReminders(Connection db, String schema, String run, int count, String dueExpression)
            throws Exception {
        try (PreparedStatement insert = db.prepareStatement("""
                WITH bookings AS (
                    SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
                    FROM %1$s.booking WHERE external_id LIKE ? || '-%%')
                INSERT INTO %1$s.reminder (id, booking_id, clinic_id, rule_key, occurrence, protocol_version, category,
                    priority, channels, locale, due_at, expires_at, sms_text, state, created_at)
                SELECT gen_random_uuid(), b.id, 'bench-dispatch', 'bench', g, 1, 'expectations', 'NORMAL', 'sms',
                    'en', %2$s, now() + interval '1 day', 'Hi Ana, time to cleanse gently.', 'PLANNED', now()
                FROM generate_series(0, ?) g JOIN bookings b ON b.n = g %% b.total
                """.formatted(schema, dueExpression))) {
            insert.setString(1, run);
            insert.setInt(2, count - 1);
            insert.executeUpdate();
        }
    }

    static void awaitNonePlanned(Connection db, String run, Duration bound) throws Exception {
        awaitNonePlanned(db, "public", run, bound, Duration.ofMillis(50));
    }

    /** Polls every {@code poll}: the cost benchmark polls seldom, so that its own queries cost PostgreSQL little. */
    static void awaitNonePlanned(Connection db, String schema, String run, Duration bound, Duration poll)
            throws Exception {
        awaitZero(db, """
                SELECT count(*) FROM %1$s.reminder r JOIN %1$s.booking b ON b.id = r.booking_id
                WHERE b.external_id LIKE ? || '-%%' AND r.state = 'PLANNED'
                """.formatted(schema), run, bound, "reminders still planned", poll);
    }

    /** Polls a count with one string parameter every 50 ms until it is zero. */
    static void awaitZero(Connection db, String countQuery, String parameter, Duration bound, String what)
            throws Exception {
        awaitZero(db, countQuery, parameter, bound, what, Duration.ofMillis(50));
    }

    static void awaitZero(Connection db, String countQuery, String parameter, Duration bound, String what,
            Duration poll) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        try (PreparedStatement query = db.prepareStatement(countQuery)) {
            query.setString(1, parameter);
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(poll.toMillis());
            }
        }
        throw new AssertionError(what + " after " + bound);
    }

    /** The three packaged services and the local stack, on random ports, in a fresh folder. */
    static LocalAftercare startSystem(Path repository, String name) throws Exception {
        Path home = Files.createTempDirectory(name + "-");
        return LocalAftercare.start(
                new LocalAftercare.Layout(repository, home.resolve("data"),
                        Path.of(System.getProperty("aftercare.cache", home.resolve("cache").toString())),
                        home.resolve("logs")),
                InfrastructurePorts.random(), LocalAftercare.randomPorts(), System.out::println);
    }

    /** An API key for the clinic, issued by the operator as a clinic's integration would get one. */
    static String issueKey(LocalAftercare aftercare, String clinicId) throws Exception {
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create(
                aftercare.baseUrl(AftercareService.SCHEDULING) + "/v1/admin/clinics/" + clinicId + "/credentials"))
                .header("Authorization", basic("operator", aftercare.secrets().operatorPassword()))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() != 201) {
            throw new IllegalStateException("no API key for " + clinicId + ": " + issued.statusCode());
        }
        return new ObjectMapper().readTree(issued.body()).path("secret").asText();
    }

    /**
     * Reminders per second from a due backlog of {@code count} reminders to Kafka acknowledgements, measured from the
     * commit that made them due.
     *
     * @return the run id of the backlog's bookings
     */
    static Backlog drainBacklog(Connection db, String name, int bookings, int count) throws Exception {
        return drainBacklog(db, name, bookings, count, null);
    }

    /** The same, with what each process spent on it from that commit, when {@code meter} is given. */
    static Backlog drainBacklog(Connection db, String name, int bookings, int count, CostMeter meter)
            throws Exception {
        String run = insertBookings(db, name, bookings);
        insertReminders(db, run, count, "now() - interval '1 minute' + (g % 60) * interval '1 second'");
        CostMeter.Reading reading = meter == null ? null : meter.start();
        long started = System.nanoTime();
        awaitNonePlanned(db, run, Duration.ofMinutes(5));
        double perSecond = count / ((System.nanoTime() - started) / 1e9);
        return new Backlog(run, perSecond, meter == null ? null : meter.stop(reading, name, count));
    }

    /** @param cost per reminder, or null when not measured */
    record Backlog(String run, double perSecond, CostMeter.Cost cost) {
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
