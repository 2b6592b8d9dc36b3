package io.aftercare.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.FreePorts;
import io.aftercare.localstack.InfrastructurePorts;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.LocalPostgres;
import io.aftercare.localstack.LocalSecrets;
import io.aftercare.localstack.testing.FakeTwilio;

/**
 * Several instances of every service at once, under load, while instances die, join and leave: two each of guidance,
 * scheduling and notification (one PostgreSQL, one broker), bookings spread over both scheduling instances as a load
 * balancer would, guidance behind a balancer as behind a Kubernetes Service. Phases, while bookings keep coming: (a)
 * steady, after a burst that makes the shared send pace bind; (b) kill -9 of a scheduling instance; (c) kill -9 of a
 * notification instance; (d) a third notification instance starts; (e) a guidance instance stops. Every accepted
 * booking's text reaches the provider exactly once and at most {@link #LATE} after its due time, no booking is refused,
 * the provider sees the shared pace held across the instances (within a quarter, for the requests' own delays), and the
 * ops overview counts what the provider took. Prints a
 * table per phase, the work each instance did and the partitions each held after each change.
 */
class ScaleOutIT {

    private static final String CLINIC = "scale-clinic";
    private static final int BOOKINGS_PER_SECOND = 10;
    /**
     * One sender's texts per second, every instance together. Above the bookings' rate, so that the texts a killed
     * instance held back are out within a second or two once its partitions moved; the burst makes it bind.
     */
    private static final int PACE = 40;
    private static final int BURST = 80;
    /** How late a text may be, whatever happened to the instances. */
    private static final Duration LATE = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalAftercare aftercare;
    private static FakeTwilio twilio;
    private static TcpBalancer guidance;
    private static BookingStream bookings;
    /** The running instances of scheduling and notification, by instance id: their base URLs. */
    private static final Map<String, String> running = Collections.synchronizedMap(new TreeMap<>());
    private static final List<String> assignments = new ArrayList<>();

    @BeforeAll
    static void startTwoOfEach() throws Exception {
        twilio = TextingStack.provider(FreePorts.next());
        Map<AftercareService, Integer> first = LocalAftercare.randomPorts();
        int guidance2 = FreePorts.next();
        int scheduling2 = FreePorts.next();
        int notification2 = FreePorts.next();
        guidance = TcpBalancer.start(FreePorts.next(), List.of(first.get(AftercareService.GUIDANCE), guidance2));
        Map<AftercareService, Map<String, String>> overrides = new EnumMap<>(AftercareService.class);
        overrides.put(AftercareService.SCHEDULING, Map.of("quarkus.rest-client.guidance.url", guidance.baseUrl()));
        overrides.put(AftercareService.NOTIFICATION, TextingStack.texting(twilio, PACE));
        List<LocalAftercare.Instance> second = List.of(
                new LocalAftercare.Instance(AftercareService.GUIDANCE, "guidance-2", guidance2, Map.of()),
                new LocalAftercare.Instance(AftercareService.SCHEDULING, "scheduling-2", scheduling2, Map.of()),
                new LocalAftercare.Instance(AftercareService.NOTIFICATION, "notification-2", notification2, Map.of()));
        long started = System.nanoTime();
        aftercare = LocalAftercare.start(TextingStack.layout("scale-out"), LocalSecrets.generate(),
                InfrastructurePorts.random(), first, overrides, second, System.out::println);
        System.out.printf("SCALE-OUT two instances of each service ready in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        running.put("scheduling-1", aftercare.baseUrl(AftercareService.SCHEDULING));
        running.put("scheduling-2", aftercare.instance("scheduling-2").baseUrl());
        running.put("notification-1", aftercare.baseUrl(AftercareService.NOTIFICATION));
        running.put("notification-2", aftercare.instance("notification-2").baseUrl());
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (bookings != null) {
            bookings.close();
        }
        if (aftercare != null) {
            // Killed rather than stopped: nothing of this run is kept, and six orderly shutdowns took 15 s.
            for (AftercareService service : AftercareService.values()) {
                aftercare.killService(service);
            }
            for (String id : List.of("guidance-2", "scheduling-2", "notification-2", "notification-3")) {
                aftercare.killInstance(id);
            }
            aftercare.close();
        }
        if (guidance != null) {
            guidance.close();
        }
        if (twilio != null) {
            twilio.close();
        }
    }

    /** A change to the running instances; what it did, for the table. */
    private interface Change {
        String make() throws Exception;
    }

    @Test
    void everyTextOnceAndInTimeWhileInstancesDieJoinAndLeave() throws Exception {
        String apiKey = SchedulingLoad.issueKey(aftercare, CLINIC);
        bookings = BookingStream.start(List.of(running.get("scheduling-1"), running.get("scheduling-2")), CLINIC,
                apiKey, BOOKINGS_PER_SECOND);
        await("the first texts").atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
            List<BookingStream.Accepted> first = bookings.acceptedSince(0);
            return first.size() >= 10 && FaultReport.allTexted(first.subList(0, 10), twilio.accepted());
        });
        recordAssignment("before (a)");
        List<FaultReport> phases = new ArrayList<>();
        phases.add(phase(Duration.ofSeconds(2), () -> {
            // The burst's texts are out (at the pace) before the phase's calm, so that the next change hits a
            // system in its stride, not one still working off a burst.
            int from = bookings.acceptedCount();
            bookings.burst(BURST);
            await("the burst's bookings").atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .until(() -> bookings.acceptedCount() >= from + BURST);
            List<BookingStream.Accepted> burst = bookings.acceptedSince(from);
            await("the burst's texts").atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .until(() -> FaultReport.allTexted(burst, twilio.accepted()));
            return "(a) steady, 2+2+2 instances, after a burst of " + BURST + " bookings";
        }));
        phases.add(phase(Duration.ofSeconds(4), () -> kill(AftercareService.SCHEDULING, "scheduling-1")));
        // Long enough for the killed member's session (6 s) to end and its partitions to move.
        phases.add(phase(Duration.ofSeconds(8), () -> kill(AftercareService.NOTIFICATION, "notification-1")));
        phases.add(phase(Duration.ofSeconds(4), ScaleOutIT::startThirdNotification));
        phases.add(phase(Duration.ofSeconds(4), () -> {
            aftercare.stopService(AftercareService.GUIDANCE);
            return "(e) one guidance instance stopped (SIGTERM)";
        }));
        bookings.close();
        // The last bookings' answers (and resends) come in after the last was sent.
        await("the last bookings' answers").atMost(Duration.ofSeconds(15)).pollInSameThread()
                .until(bookings::allAnswered);
        List<BookingStream.Accepted> all = bookings.acceptedSince(0);
        await("every accepted booking's text").atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> FaultReport.allTexted(all, twilio.accepted()));
        // Room for a late duplicate to show up, if there were one.
        Thread.sleep(2000);
        List<Map<String, String>> texts = twilio.accepted();
        List<FaultReport> counted = phases.stream().map(phase -> phase.count(texts)).toList();
        OpsFunnel funnel = overviewOnceSettled(texts.size());
        int fastestSecond = mostTextsInOneSecond(twilio.requestTimes(0));

        report(counted, funnel, fastestSecond);
        assertThat(bookings.refused()).as("bookings refused").isZero();
        assertThat(counted).allSatisfy(phase -> {
            assertThat(phase.bookings()).as(phase.fault() + ": accepted").isPositive();
            assertThat(phase.lost()).as(phase.fault() + ": lost").isZero();
            assertThat(phase.duplicates()).as(phase.fault() + ": duplicates").isZero();
            assertThat(phase.maxLatenessMillis()).as(phase.fault() + ": latest text, ms").isLessThanOrEqualTo(
                    LATE.toMillis());
        });
        // The slots themselves are held to one more than the pace (SharedSendPaceTest); at the provider, each request
        // also arrives with its own delay after its slot, which on two cores shared by seven JVMs bunched them up to
        // 45 in a second at a pace of 40. Two instances each pacing alone would reach twice the pace in the burst.
        assertThat(fastestSecond).as("texts the provider took in one second, every instance together")
                .isLessThanOrEqualTo(PACE + PACE / 4);
        assertThat(funnel).as("the ops overview's counts").isEqualTo(new OpsFunnel(all.size(), texts.size(),
                texts.size()));
    }

    /** Makes the change, lets bookings flow for {@code calm} more, and keeps the bookings accepted meanwhile. */
    private static FaultReport phase(Duration calm, Change change) throws Exception {
        int from = bookings.acceptedCount();
        String name = change.make();
        Instant changed = Instant.now();
        Thread.sleep(calm.toMillis());
        List<BookingStream.Accepted> accepted = bookings.acceptedSince(from);
        recordAssignment("after " + name.substring(0, 3));
        return FaultReport.of(name, true, accepted, changed);
    }

    private static String kill(AftercareService service, String id) throws InterruptedException {
        aftercare.killService(service);
        running.remove(id);
        return (service == AftercareService.SCHEDULING ? "(b) " : "(c) ") + "kill -9 of " + id;
    }

    private static String startThirdNotification() throws Exception {
        long started = System.nanoTime();
        int port = FreePorts.next();
        aftercare.startInstance(new LocalAftercare.Instance(AftercareService.NOTIFICATION, "notification-3", port,
                Map.of()));
        running.put("notification-3", aftercare.instance("notification-3").baseUrl());
        return String.format("(d) notification-3 started (ready in %.1f s)", (System.nanoTime() - started) / 1e9);
    }

    /** What each running instance's readiness says it reads: partitions per topic. */
    private static void recordAssignment(String when) throws Exception {
        StringBuilder line = new StringBuilder(String.format("| %-10s |", when));
        for (Map.Entry<String, String> instance : new TreeMap<>(running).entrySet()) {
            JsonNode ready = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(instance.getValue()
                    + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            Map<String, String> held = new TreeMap<>();
            for (JsonNode check : ready.path("checks")) {
                if (check.path("name").asText().equals("Kafka consumer groups joined")) {
                    check.path("data").fields().forEachRemaining(topic -> held.put(topic.getKey(),
                            topic.getValue().asText().replace(" partition(s)", "").replaceAll("^none.*", "0")));
                }
            }
            held.remove("waiting");
            line.append(' ').append(instance.getKey()).append(' ').append(held).append(" |");
        }
        assignments.add(line.toString());
    }

    /** What the ops overview counts for the clinic: bookings, reminders dispatched, texts sent. */
    private record OpsFunnel(long booked, long dispatched, long sent) {
    }

    /** Asked of a scheduling instance still running, once the provider's outcomes flowed back to scheduling. */
    private static OpsFunnel overviewOnceSettled(int texts) {
        return await("the ops overview's count of texts sent").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250)).pollInSameThread().until(() -> {
                    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(running.get(
                            "scheduling-2") + "/v1/ops/overview?hours=1&clinicId=" + CLINIC))
                            .header("Authorization", SchedulingLoad.basic("operator",
                                    aftercare.secrets().operatorPassword()))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    JsonNode funnel = JSON.readTree(answer.body()).path("funnel");
                    return new OpsFunnel(funnel.path("booked").asLong(), funnel.path("dispatched").asLong(),
                            funnel.path("sent").asLong());
                }, funnel -> funnel.sent() >= texts);
    }

    /** The most message requests the provider took within any one second. */
    static int mostTextsInOneSecond(List<Instant> arrivals) {
        List<Instant> sorted = arrivals.stream().sorted().toList();
        int most = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (!sorted.get(from).plusSeconds(1).isAfter(sorted.get(to))) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    private static void report(List<FaultReport> phases, OpsFunnel funnel, int fastestSecond) throws Exception {
        System.out.println(FaultReport.table(String.format("SCALE-OUT (bookings at %d/s to two scheduling instances;"
                + " counted at the provider; recovery = last held-back text after the change)", BOOKINGS_PER_SECOND),
                "phase", phases));
        System.out.printf("SCALE-OUT refused %d bookings; %d sent again to the other scheduling instance after their"
                + " first was unreachable%n", bookings.refused(), bookings.sentAgain());
        System.out.printf("SCALE-OUT shared pace %d/s per sender: the provider took at most %d in one second%n", PACE,
                fastestSecond);
        System.out.printf("SCALE-OUT ops overview: %s; the provider took %d texts%n", funnel, twilio.accepted().size());
        System.out.println("SCALE-OUT work per instance: " + work("scheduling", """
                SELECT coalesce(claimed_by, '?'), count(*) FROM reminder
                WHERE clinic_id = ? AND dispatched_at IS NOT NULL GROUP BY 1 ORDER BY 1""", "claims dispatched")
                + "; " + work("notification", """
                        SELECT coalesce(leased_by, '?'), count(*) FROM delivery
                        WHERE clinic_id = ? AND status IN ('SENT', 'DELIVERED') GROUP BY 1 ORDER BY 1""",
                        "texts sent"));
        System.out.println("SCALE-OUT partitions held (from each instance's /q/health/ready)");
        assignments.forEach(System.out::println);
    }

    /** Rows per instance, from the column that names the instance that did the work. */
    private static String work(String database, String sql, String what) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(aftercare.infrastructure().postgres().jdbcUrl(database),
                LocalPostgres.USER, ""); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, CLINIC);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return what + " " + counts;
    }
}
