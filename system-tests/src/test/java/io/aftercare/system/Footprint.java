package io.aftercare.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.LocalAftercare;

/** What a packaged service costs the machine: resident memory after work, and the time from launch to ready. */
final class Footprint {

    private Footprint() {
    }

    /** Resident set size of the running service's JVM, found by the jar it was started from. */
    static Optional<Long> residentMegabytes(LocalAftercare aftercare, Path repository, AftercareService service) {
        String jar = service.runJar(repository).toAbsolutePath().normalize().toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(jar)).orElse(false))
                .findFirst()
                .flatMap(process -> rssKilobytes(process.pid()))
                .map(kilobytes -> kilobytes / 1024);
    }

    /** Stops the service and starts it again alone, timing launch to readiness. */
    static double restartSeconds(LocalAftercare aftercare, AftercareService service) throws Exception {
        aftercare.stopService(service);
        long started = System.nanoTime();
        aftercare.startService(service);
        return (System.nanoTime() - started) / 1e9;
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
