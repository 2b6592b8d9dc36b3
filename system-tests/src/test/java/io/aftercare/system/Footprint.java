package io.aftercare.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.ServiceProcess;

/** What a packaged service costs the machine: resident memory after work, and the time from launch to ready. */
final class Footprint {

    private Footprint() {
    }

    /** Resident set size of one process. */
    static Optional<Long> residentMegabytes(long pid) {
        return rssKilobytes(pid).map(kilobytes -> kilobytes / 1024);
    }

    /** Stops the service and starts it again alone, timing launch to readiness. */
    static double restartSeconds(LocalAftercare aftercare, AftercareService service) throws Exception {
        aftercare.stopService(service);
        long started = System.nanoTime();
        aftercare.startService(service);
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Launch to readiness, with or without the service's class-data archive ({@link ServiceProcess#APP_CDS}); fails if
     * an archive asked for is not mapped by the JVM, which refuses one silently (made by another JDK, from another jar).
     */
    static double restartSeconds(LocalAftercare aftercare, AftercareService service, boolean appCds)
            throws Exception {
        String before = System.getProperty(ServiceProcess.APP_CDS);
        System.setProperty(ServiceProcess.APP_CDS, Boolean.toString(appCds));
        try {
            double seconds = restartSeconds(aftercare, service);
            boolean mapped = mapsAppCdsArchive(aftercare.service(service).pid());
            if (mapped != appCds) {
                throw new AssertionError(service.module() + (appCds ? " did not use" : " used") + " its "
                        + ServiceProcess.APP_CDS_ARCHIVE + "; see " + aftercare.service(service).logFile());
            }
            return seconds;
        } finally {
            if (before == null) {
                System.clearProperty(ServiceProcess.APP_CDS);
            } else {
                System.setProperty(ServiceProcess.APP_CDS, before);
            }
        }
    }

    /** Whether the JVM has the archive mapped: it unmaps one it refuses. */
    static boolean mapsAppCdsArchive(long pid) throws java.io.IOException {
        try (var lines = Files.lines(Path.of("/proc", Long.toString(pid), "maps"))) {
            return lines.anyMatch(line -> line.endsWith("/" + ServiceProcess.APP_CDS_ARCHIVE));
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static Optional<Long> rssKilobytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
