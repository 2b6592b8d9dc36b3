package io.aftercare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.FreePorts;
import io.aftercare.localstack.InfrastructurePorts;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.ServiceProcess;
import io.aftercare.localstack.testing.FakeTwilio;

/**
 * Each service's start and footprint (issue 23: ready within 3 s, at most 200 MB resident after warm-up), on the
 * local run's JVM options ({@link ServiceProcess#LAPTOP_JVM_OPTIONS}; {@code -Dbenchmark.start-jvm-options=} for
 * others): each service started alone with the rest of the system up and idle, launch to {@code /q/health/ready},
 * three times without its class-data archive and three times with it, in turns; then each service's resident memory
 * after a little real work, without the archive and with it. A first run without an archive trains one (see
 * {@link ServiceProcess}), so the system's first start and warm-up come before any timing.
 */
class StartupBenchmarkIT {

    private static final int LAUNCHES = Integer.getInteger("benchmark.start-launches", 3);
    private static final int WARM_UP = 200;
    private static final String OPTIONS = System.getProperty("benchmark.start-jvm-options",
            ServiceProcess.LAPTOP_JVM_OPTIONS);

    private static LocalAftercare aftercare;
    private static FakeTwilio twilio;
    private static String apiKey;
    private static String otherBenchmarksOptions;

    @BeforeAll
    static void startTheSystem() throws Exception {
        otherBenchmarksOptions = System.setProperty(ServiceProcess.JVM_OPTIONS, OPTIONS);
        twilio = FakeTwilio.start(FreePorts.next());
        Map<String, String> provider = TextingStack.texting(twilio, 0);
        aftercare = LocalAftercare.start(TextingStack.layout("startup-benchmark"), InfrastructurePorts.random(),
                LocalAftercare.randomPorts(),
                Map.of(AftercareService.NOTIFICATION, provider), System.out::println);
        apiKey = SchedulingLoad.issueKey(aftercare, "bench");
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        try {
            if (aftercare != null) {
                aftercare.close();
            }
            if (twilio != null) {
                twilio.close();
            }
        } finally {
            if (otherBenchmarksOptions == null) {
                System.clearProperty(ServiceProcess.JVM_OPTIONS);
            } else {
                System.setProperty(ServiceProcess.JVM_OPTIONS, otherBenchmarksOptions);
            }
        }
    }

    @Test
    void eachServiceStartsAloneAndStaysSmallAfterAWarmUp() throws Exception {
        warmUp();
        Map<AftercareService, List<Double>> without = new EnumMap<>(AftercareService.class);
        Map<AftercareService, List<Double>> with = new EnumMap<>(AftercareService.class);
        for (AftercareService service : AftercareService.PIPELINE) {
            without.put(service, new ArrayList<>());
            with.put(service, new ArrayList<>());
            for (int launch = 0; launch < LAUNCHES; launch++) {
                without.get(service).add(Footprint.restartSeconds(aftercare, service, false));
                with.get(service).add(Footprint.restartSeconds(aftercare, service, true));
            }
        }
        Map<AftercareService, Long> residentWithout = residentAfterWarmUp(false);
        Map<AftercareService, Long> residentWith = residentAfterWarmUp(true);
        List<String> lines = new ArrayList<>();
        for (AftercareService service : AftercareService.PIPELINE) {
            String line = String.format("start %s: ready in %.1f s alone without AppCDS, %.1f s with AppCDS; RSS "
                    + "after warm-up %d MB (%d MB without AppCDS) (JVM options: %s; medians of %d launches each way: "
                    + "%s s without, %s s with)", service.module(), Footprint.median(without.get(service)),
                    Footprint.median(with.get(service)), residentWith.get(service), residentWithout.get(service),
                    OPTIONS, LAUNCHES, seconds(without.get(service)), seconds(with.get(service)));
            System.out.println("BENCHMARK " + line);
            lines.add(line);
        }
        Files.write(Path.of("target", "benchmark-results.txt"), lines, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Each service started again, with or without its archive, then warmed up: its resident memory. */
    private static Map<AftercareService, Long> residentAfterWarmUp(boolean appCds) throws Exception {
        for (AftercareService service : AftercareService.PIPELINE) {
            Footprint.restartSeconds(aftercare, service, appCds);
        }
        warmUp();
        Map<AftercareService, Long> resident = new EnumMap<>(AftercareService.class);
        for (AftercareService service : AftercareService.PIPELINE) {
            resident.put(service, Footprint.residentMegabytes(aftercare.service(service).pid()).orElseThrow());
        }
        return resident;
    }

    /** 200 bookings through scheduling, each planned by guidance, and 200 texts through notification. */
    private static void warmUp() throws Exception {
        assertThat(SchedulingLoad.putBookings(aftercare.baseUrl(AftercareService.SCHEDULING), "bench", apiKey, 8,
                "warm-up", WARM_UP, null)).isEqualTo(WARM_UP);
        int before = twilio.requestCount();
        try (ReminderEvents reminders = ReminderEvents.open(aftercare)) {
            reminders.publish("warm-up", WARM_UP, 0);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && twilio.requestCount() - before < WARM_UP) {
            Thread.sleep(100);
        }
        assertThat(twilio.requestCount() - before).as("texts at the provider").isEqualTo(WARM_UP);
    }

    private static String seconds(List<Double> values) {
        return String.join("/", values.stream().map(value -> String.format("%.1f", value)).toList());
    }
}
