package io.aftercare.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.FreePorts;
import io.aftercare.localstack.InfrastructurePorts;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.testing.FakeTwilio;

/**
 * The promise under ordinary faults: the packaged services on the local stack (durable PostgreSQL, Kafka) and a
 * Twilio-speaking fake provider, bookings arriving continuously, and in turn each fault of the README's table. After
 * each, every booking answered 201 must have its due text at the provider exactly once, and the texts held back by a
 * killed service, the database or the broker must all be out within {@link #RECOVERY} of its return. Those four faults
 * come {@link #ROUNDS} times. Prints a table of lost,
 * duplicated, p99 lateness and recovery per fault and round.
 */
class FaultInjectionIT {

    private static final String CLINIC = "fault-clinic";
    /** Bookings before and after each fault, so that the fault hits work in progress. */
    private static final Duration CALM = Duration.ofSeconds(2);
    /** How long a killed service or a stopped broker or database stays away. */
    private static final Duration DOWN = Duration.ofSeconds(3);
    /** How long, at most, texting may take to catch up after a fault. */
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    /** How soon after a service, the database or the broker is back every text it held back must be out. */
    private static final Duration RECOVERY = Duration.ofSeconds(10);
    /**
     * How often each of those faults comes: once in the build, which a second round would push past its ten minutes
     * on two cores (each round costs about a minute); {@code -Daftercare.fault-rounds=3} repeats them to show that a
     * recovery in time is not luck.
     */
    private static final int ROUNDS = Integer.getInteger("aftercare.fault-rounds", 1);
    private static final Duration PROVIDER_LATENCY = TextingStack.PROVIDER_LATENCY;

    private static LocalAftercare aftercare;
    private static FakeTwilio twilio;
    private static BookingStream bookings;

    @BeforeAll
    static void startTheSystem() throws Exception {
        twilio = TextingStack.provider(FreePorts.next());
        aftercare = LocalAftercare.start(TextingStack.layout("faults"), InfrastructurePorts.random(),
                LocalAftercare.randomPorts(),
                Map.of(AftercareService.NOTIFICATION, TextingStack.texting(twilio, 50)), System.out::println);
        String apiKey = SchedulingLoad.issueKey(aftercare, CLINIC);
        bookings = BookingStream.start(aftercare.baseUrl(AftercareService.SCHEDULING), CLINIC, apiKey, 20);
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (bookings != null) {
            bookings.close();
        }
        if (aftercare != null) {
            aftercare.kill(); // nothing here is about stopping: a graceful stop would cost about 3 s
        }
        if (twilio != null) {
            twilio.close();
        }
    }

    /** A fault: it starts, lasts, and is over when this returns. */
    private interface Fault {
        void inflict() throws Exception;
    }

    @Test
    void everyAcceptedBookingsTextReachesTheProviderExactlyOnceThroughEachFault() throws Exception {
        // Faults strike a system in its stride, not one still warming up: the first bookings' texts are out first.
        await("the first texts").atMost(CATCH_UP).pollInSameThread().until(() -> {
            List<BookingStream.Accepted> first = bookings.acceptedSince(0);
            return first.size() >= 20 && FaultReport.allTexted(first.subList(0, 20), twilio.accepted());
        });
        List<FaultReport> reports = new ArrayList<>();
        reports.add(endure("none (the baseline)", false, () -> {
        }));
        for (int round = 1; round <= ROUNDS; round++) {
            reports.addAll(restartsAndOutages(" #" + round));
        }
        // Not held to RECOVERY: a text refused through all 14 s waits out its retry pause (1 s doubling, +-25%).
        reports.add(endure("provider answers 500 for 4 s, then 429 for 4 s, then hangs for 6 s", false, () -> {
            twilio.failFor(Duration.ofSeconds(4), 500, Map.of());
            Thread.sleep(4000);
            twilio.failFor(Duration.ofSeconds(4), 429, Map.of("Retry-After", "2"));
            Thread.sleep(4000);
            twilio.hangFor(Duration.ofSeconds(6));
            Thread.sleep(6000);
        }));
        bookings.close();
        // Room for a late duplicate to show up, if there were one.
        Thread.sleep(3000);
        List<Map<String, String>> accepted = twilio.accepted();
        List<FaultReport> settled = reports.stream().map(report -> report.count(accepted)).toList();

        System.out.println(FaultReport.table(settled));
        System.out.println("FAULTS bookings refused or unanswered while a service or the database was away: "
                + bookings.refused() + " (not counted: only accepted bookings are promised)");
        assertThat(settled).allSatisfy(report -> {
            assertThat(report.bookings()).as(report.fault() + ": bookings accepted").isPositive();
            assertThat(report.lost()).as(report.fault() + ": lost").isZero();
            assertThat(report.duplicates()).as(report.fault() + ": duplicates").isZero();
            if (report.bounded()) {
                assertThat(report.recoveryMillis()).as(report.fault() + ": recovery in ms")
                        .isLessThanOrEqualTo(RECOVERY.toMillis());
            }
        });
    }

    /** One round of the faults whose recovery is held to {@link #RECOVERY}. */
    private static List<FaultReport> restartsAndOutages(String round) throws Exception {
        List<FaultReport> reports = new ArrayList<>();
        reports.add(endure("kill -9 of notification mid-send, restarted 3 s later" + round, true, () -> {
            // Slow answers keep a few dozen texts in flight at the moment of the kill.
            twilio.answerAfter(Duration.ofSeconds(1));
            Thread.sleep(1500);
            aftercare.killService(AftercareService.NOTIFICATION);
            twilio.answerAfter(PROVIDER_LATENCY);
            Thread.sleep(DOWN.toMillis());
            aftercare.startService(AftercareService.NOTIFICATION);
        }));
        reports.add(endure("kill -9 of scheduling mid-dispatch, restarted 3 s later" + round, true, () -> {
            aftercare.killService(AftercareService.SCHEDULING);
            Thread.sleep(DOWN.toMillis());
            aftercare.startService(AftercareService.SCHEDULING);
        }));
        reports.add(endure("PostgreSQL stopped hard (immediate) and restarted 3 s later" + round, true, () -> {
            aftercare.infrastructure().crashPostgres();
            Thread.sleep(DOWN.toMillis());
            aftercare.infrastructure().startPostgres();
        }));
        reports.add(endure("Kafka broker stopped and restarted 3 s later" + round, true, () -> {
            aftercare.infrastructure().stopKafka();
            Thread.sleep(DOWN.toMillis());
            aftercare.infrastructure().startKafka();
        }));
        return reports;
    }

    /**
     * Bookings flow through the fault and after it, until every booking accepted so far has its text.
     *
     * @param bounded whether its recovery is held to {@link #RECOVERY}
     */
    private static FaultReport endure(String name, boolean bounded, Fault fault) throws Exception {
        int from = bookings.acceptedCount();
        Thread.sleep(CALM.toMillis());
        fault.inflict();
        long restored = System.currentTimeMillis();
        Thread.sleep(CALM.toMillis());
        List<BookingStream.Accepted> accepted = bookings.acceptedSince(from);
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (System.nanoTime() < deadline && !FaultReport.allTexted(accepted, twilio.accepted())) {
            Thread.sleep(250);
        }
        return FaultReport.of(name, bounded, accepted, java.time.Instant.ofEpochMilli(restored));
    }
}
