package io.aftercare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.FreePorts;
import io.aftercare.localstack.InfrastructurePorts;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.LocalPostgres;
import io.aftercare.localstack.testing.FakeTwilio;

/**
 * Cost per unit of work: kernel CPU milliseconds and allocated bytes per booking, per dispatched reminder and per
 * text, for each process (the services, PostgreSQL's backends, the broker's threads), at a fixed offered load the
 * machine holds, each beside its floor (the same work done the barest way, by {@code cost-floors}) measured in the same
 * run; then flame graphs of each workload under {@code system-tests/target/flamegraphs/}. Run with
 * {@code ./mvnw -B verify -Pbenchmark} (this class alone: {@code -pl system-tests -am -Dit.test=CostBenchmarkIT}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CostBenchmarkIT {

    private static final int BOOKING_RATE = Integer.getInteger("benchmark.cost.booking-rate", 50);
    private static final int DISPATCH_RATE = Integer.getInteger("benchmark.cost.dispatch-rate", 2000);
    private static final int TEXT_RATE = Integer.getInteger("benchmark.cost.text-rate", 300);
    private static final int SECONDS = Integer.getInteger("benchmark.cost.seconds", 20);
    private static final Duration POLL = Duration.ofMillis(500);

    private static final List<String> RESULTS = new ArrayList<>();
    private static final Map<AftercareService, AttachedJvm> SERVICES = new EnumMap<>(AftercareService.class);
    private static LocalAftercare aftercare;
    private static FakeTwilio twilio;
    private static CostFloor floor;
    private static AttachedJvm floorJvm;
    private static Set<Long> brokerThreads;
    private static String apiKey;

    @BeforeAll
    static void startTheSystem() throws Exception {
        twilio = FakeTwilio.start(FreePorts.next());
        Set<Long> before = CostMeter.liveThreadIds();
        LocalAftercare.Layout layout = TextingStack.layout("cost-benchmark");
        aftercare = LocalAftercare.start(layout, InfrastructurePorts.random(), LocalAftercare.randomPorts(),
                Map.of(AftercareService.NOTIFICATION, TextingStack.texting(twilio, 0)), System.out::println);
        // The broker runs in this JVM: its threads are those the local stack started.
        brokerThreads = new HashSet<>(CostMeter.liveThreadIds());
        brokerThreads.removeAll(before);
        apiKey = SchedulingLoad.issueKey(aftercare, "bench");
        floor = CostFloor.start(aftercare, layout.repository(), layout.logDirectory());
        floorJvm = AttachedJvm.attach(floor.pid());
        for (AftercareService service : aftercare.started()) {
            SERVICES.put(service, AttachedJvm.attach(aftercare.service(service).pid()));
        }
        record("machine: " + Runtime.getRuntime().availableProcessors() + " cores; services' JVM options: "
                + System.getProperty("aftercare.service-jvm-options", "the local run's"));
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        for (AttachedJvm jvm : SERVICES.values()) {
            jvm.close();
        }
        if (floorJvm != null) {
            floorJvm.close();
        }
        if (floor != null) {
            floor.close();
        }
        if (aftercare != null) {
            aftercare.close();
        }
        if (twilio != null) {
            twilio.close();
        }
        Files.write(Path.of("target", "benchmark-results.txt"), RESULTS, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** What the system costs doing nothing (pollers, consumers, heartbeats): every workload's figure carries its share. */
    @Test
    @Order(1)
    void idle() throws Exception {
        CostMeter ours = ours();
        CostMeter.Reading start = ours.start();
        Thread.sleep(10_000);
        record(ours.stop(start, "cost idle, per second", 10).line());
        profile("idle", List.copyOf(SERVICES.keySet()), () -> {
            Thread.sleep(10_000);
            return null;
        });
    }

    @Test
    @Order(2)
    void booking() throws Exception {
        String bookings = aftercare.baseUrl(AftercareService.SCHEDULING) + "/v1/clinics/bench/bookings/";
        String key = SchedulingLoad.basic("bench", apiKey);
        int count = BOOKING_RATE * SECONDS;
        PacedBookings.put(bookings, key, "warm-up", count, BOOKING_RATE, null);
        PacedBookings.put(floor.bookingsUrl("bench"), null, "warm-up", count, BOOKING_RATE, null);

        Histogram latency = new Histogram(60_000_000_000L, 3);
        CostMeter ours = ours();
        CostMeter.Reading start = ours.start();
        int accepted = PacedBookings.put(bookings, key, "cost", count, BOOKING_RATE, latency);
        CostMeter.Cost cost = ours.stop(start, "cost booking at " + BOOKING_RATE + "/s", accepted);
        assertThat(accepted).isEqualTo(count);

        CostMeter floorMeter = floor();
        start = floorMeter.start();
        int floorAccepted = PacedBookings.put(floor.bookingsUrl("bench"), null, "cost", count, BOOKING_RATE, null);
        CostMeter.Cost floorCost = floorMeter.stop(start, "floor booking at " + BOOKING_RATE + "/s", floorAccepted);
        assertThat(floorAccepted).isEqualTo(count);
        report("booking", cost, floorCost, 3);
        record(String.format("booking latency at %d/s: p50 %.1f ms, p99 %.1f ms", BOOKING_RATE,
                latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6));

        profile("booking", List.of(AftercareService.SCHEDULING, AftercareService.GUIDANCE),
                () -> PacedBookings.put(bookings, key, "profile", count / 2, BOOKING_RATE, null));
    }

    @Test
    @Order(3)
    void text() throws Exception {
        int count = TEXT_RATE * SECONDS;
        try (ReminderEvents reminders = ReminderEvents.open(aftercare)) {
            sendTexts(reminders, count, TEXT_RATE);
            floor.texts(twilio, count, TEXT_RATE);

            CostMeter ours = ours();
            CostMeter.Reading start = ours.start();
            sendTexts(reminders, count, TEXT_RATE);
            CostMeter.Cost cost = ours.stop(start, "cost text at " + TEXT_RATE + "/s", count);

            CostMeter floorMeter = floor();
            start = floorMeter.start();
            floor.texts(twilio, count, TEXT_RATE);
            report("text", cost, floorMeter.stop(start, "floor text at " + TEXT_RATE + "/s", count), 2);

            profile("text", List.of(AftercareService.NOTIFICATION, AftercareService.SCHEDULING), () -> {
                sendTexts(reminders, count / 2, TEXT_RATE);
                return null;
            });
        }
    }

    /** Last: the dispatched reminders go to reminders-due, which notification, stopped here, must not text. */
    @Test
    @Order(4)
    void dispatch() throws Exception {
        SERVICES.remove(AftercareService.NOTIFICATION).close();
        aftercare.stopService(AftercareService.NOTIFICATION);
        int count = DISPATCH_RATE * SECONDS / 2;
        try (Connection db = DriverManager.getConnection(
                aftercare.infrastructure().postgres().jdbcUrl("scheduling"), LocalPostgres.USER, "")) {
            SchedulingLoad.drainBacklog(db, "warm-up", 1000, count);
            dueAtRate(db, "floor", count / 2);
            floor.dispatch(count / 2);

            String run = dueAtRate(db, "public", count);
            CostMeter ours = ours();
            CostMeter.Reading start = ours.start();
            SchedulingLoad.awaitNonePlanned(db, "public", run, Duration.ofMinutes(5), POLL);
            CostMeter.Cost cost = ours.stop(start, "cost dispatch at " + DISPATCH_RATE + "/s", count);

            dueAtRate(db, "floor", count);
            CostMeter floorMeter = floor();
            start = floorMeter.start();
            floor.dispatch(count);
            report("dispatch", cost, floorMeter.stop(start, "floor dispatch at " + DISPATCH_RATE + "/s", count), 2);

            profile("dispatch", List.of(AftercareService.SCHEDULING), () -> {
                SchedulingLoad.awaitNonePlanned(db, "public", dueAtRate(db, "public", count / 2), Duration.ofMinutes(5),
                        POLL);
                return null;
            });
        }
    }

    /** Reminders of a new run falling due at the dispatch rate from two seconds ahead; the run's id. */
    private static String dueAtRate(Connection db, String schema, int count) throws Exception {
        String run = SchedulingLoad.insertBookings(db, schema, "cost", 1000);
        SchedulingLoad.insertReminders(db, schema, run, count, "now() + interval '2 seconds' + g * interval '"
                + 1000.0 / DISPATCH_RATE + " milliseconds'");
        return run;
    }

    private static void sendTexts(ReminderEvents reminders, int count, int perSecond) throws Exception {
        int before = twilio.requestCount();
        reminders.publish(UUID.randomUUID().toString().substring(0, 8), count, perSecond);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && twilio.requestCount() - before < count) {
            Thread.sleep(POLL.toMillis());
        }
        assertThat(twilio.requestCount() - before).isEqualTo(count);
    }

    /** Every service still running, PostgreSQL and the broker. */
    private static CostMeter ours() throws Exception {
        List<CostMeter.Source> sources = new ArrayList<>();
        SERVICES.forEach((service, jvm) -> sources.add(CostMeter.jvm(service.module().replace("-service", ""), jvm)));
        sources.add(CostMeter.postgres(aftercare.infrastructure().postgres().dataDirectory()));
        sources.add(CostMeter.threads("broker", brokerThreads));
        return new CostMeter(sources);
    }

    private static CostMeter floor() throws Exception {
        return new CostMeter(List.of(CostMeter.jvm("floor", floorJvm),
                CostMeter.postgres(aftercare.infrastructure().postgres().dataDirectory()),
                CostMeter.threads("broker", brokerThreads)));
    }

    private static void report(String workload, CostMeter.Cost ours, CostMeter.Cost floor, int aim) {
        record(ours.line());
        record(floor.line());
        record(String.format("cost ratio %s: all processes %.1fx the floor (aim %dx), the JVMs alone %.1fx", workload,
                ours.totalCpuMillis() / floor.totalCpuMillis(), aim, ours.jvmCpuMillis() / floor.jvmCpuMillis()));
    }

    /** The workload again, with the named services sampled; their flame graphs and hottest frames. */
    private static void profile(String workload, List<AftercareService> services,
            java.util.concurrent.Callable<?> load) throws Exception {
        for (AftercareService service : services) {
            FlameGraphs.start(SERVICES.get(service), workload + "-" + service.module());
        }
        load.call();
        for (AftercareService service : services) {
            String name = workload + "-" + service.module();
            FlameGraphs.stop(SERVICES.get(service), name);
            record("flame " + name + ": target/flamegraphs/" + name + "-cpu.html; hottest (self) "
                    + FlameGraphs.hottest(name, 6));
        }
    }

    private static void record(String line) {
        System.out.println("BENCHMARK " + line);
        RESULTS.add(line);
    }
}
