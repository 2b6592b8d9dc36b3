package io.aftercare.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one fault (or phase of a test) did to the bookings accepted around it, counted at the provider: texts lost and
 * duplicated, the p99 and the greatest lateness of the first text after its due time, and how long after the fault
 * ended the last held-back text went out ({@code bounded}: whether the test holds that to a limit).
 */
record FaultReport(String fault, boolean bounded, List<BookingStream.Accepted> accepted, Instant restored, int lost,
        int duplicates, long p99LatenessMillis, long maxLatenessMillis, long recoveryMillis) {

    /** Not counted yet: {@link #count} it once the texts had their time. */
    static FaultReport of(String fault, boolean bounded, List<BookingStream.Accepted> accepted, Instant restored) {
        return new FaultReport(fault, bounded, accepted, restored, 0, 0, 0, 0, 0);
    }

    int bookings() {
        return accepted.size();
    }

    /** The report, counted against the messages the provider took. */
    FaultReport count(List<Map<String, String>> messages) {
        Map<String, List<Instant>> byPhone = byPhone(messages);
        int lost = 0;
        int duplicates = 0;
        List<Long> lateness = new ArrayList<>();
        long recovery = 0;
        for (BookingStream.Accepted booking : accepted) {
            List<Instant> texts = byPhone.getOrDefault(booking.phone(), List.of());
            if (texts.isEmpty()) {
                lost++;
                continue;
            }
            duplicates += texts.size() - 1;
            Instant first = texts.stream().min(Instant::compareTo).orElseThrow();
            lateness.add(Math.max(0, Duration.between(booking.due(), first).toMillis()));
            if (booking.due().isBefore(restored)) {
                recovery = Math.max(recovery, Duration.between(restored, first).toMillis());
            }
        }
        lateness.sort(Long::compare);
        long p99 = lateness.isEmpty() ? 0 : lateness.get((int) Math.ceil(lateness.size() * 0.99) - 1);
        long max = lateness.isEmpty() ? 0 : lateness.get(lateness.size() - 1);
        return new FaultReport(fault, bounded, accepted, restored, lost, duplicates, p99, max, recovery);
    }

    static boolean allTexted(List<BookingStream.Accepted> accepted, List<Map<String, String>> messages) {
        Map<String, List<Instant>> byPhone = byPhone(messages);
        return accepted.stream().allMatch(booking -> byPhone.containsKey(booking.phone()));
    }

    private static Map<String, List<Instant>> byPhone(List<Map<String, String>> messages) {
        Map<String, List<Instant>> byPhone = new HashMap<>();
        for (Map<String, String> message : messages) {
            byPhone.computeIfAbsent(message.get("to"), to -> new ArrayList<>())
                    .add(Instant.parse(message.get("date_created")));
        }
        return byPhone;
    }

    static String table(List<FaultReport> reports) {
        return table("FAULTS (bookings at 20/s; counted at the provider)", "fault", reports);
    }

    /** A Markdown table, one row per report, under {@code title}; {@code what} names the first column. */
    static String table(String title, String what, List<FaultReport> reports) {
        StringBuilder table = new StringBuilder(title).append('\n');
        table.append(String.format("| %-69s | %8s | %4s | %10s | %11s | %11s | %8s |%n", what, "accepted", "lost",
                "duplicates", "p99 late ms", "max late ms", "recovery"));
        table.append(String.format("|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(71), "-".repeat(10), "-".repeat(6),
                "-".repeat(12), "-".repeat(13), "-".repeat(13), "-".repeat(10)));
        for (FaultReport report : reports) {
            table.append(String.format("| %-69s | %8d | %4d | %10d | %11d | %11d | %6.1f s |%n", report.fault(),
                    report.bookings(), report.lost(), report.duplicates(), report.p99LatenessMillis(),
                    report.maxLatenessMillis(), report.recoveryMillis() / 1000.0));
        }
        return table.toString();
    }
}
