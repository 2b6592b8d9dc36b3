package io.aftercare.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Quarkus service running as its own JVM process, the way it runs in production: started from its
 * {@code quarkus-app/quarkus-run.jar}, configured through system properties, its secrets through environment
 * variables (any user of the machine can read a process's command line, not its environment), listening on the
 * loopback interface only, its output kept in a log file.
 */
public final class ServiceProcess implements AutoCloseable {

    /** A system property that replaces {@link #LAPTOP_JVM_OPTIONS}, as the benchmarks do. */
    public static final String JVM_OPTIONS = "aftercare.service-jvm-options";
    /**
     * Small heaps and a quick JIT (C1 only): three services, the console and the infrastructure share a laptop, and
     * start fast. A deployment's JVM compiles hot code with C2 as well, and is faster once warm. The serial collector
     * and a heap that starts at 32 MB and gives back what it no longer needs keep each JVM's memory to what it uses
     * (G1 and the default initial heap, 1/64 of the machine's memory, left each service at 290-350 MB; see
     * docs/benchmarks.md, "Start and footprint"). An 8 MB young generation, which every allocation runs through and
     * so keeps resident, instead of a third of the heap; and one compiler thread, not two: on a small machine the
     * second competed with the start's own threads for the cores (scheduling ready in 3.0 -> 2.7 s, 201 -> 192 MB,
     * StartupBenchmarkIT; issue 23 asks 3 s and 200 MB).
     */
    // Joined at run time, not a constant: javac copies a constant into the classes that read it, and a start
    // benchmark compiled before a change of these options went on measuring the old ones.
    public static final String LAPTOP_JVM_OPTIONS = String.join(" ", "-Xms32m", "-Xmx256m", "-Xmn8m",
            "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1", "-XX:ReservedCodeCacheSize=64m", "-Xss512k");

    /**
     * {@code false} starts the services without a class-data archive, and none writes one: the start benchmark
     * compares both.
     */
    public static final String APP_CDS = "aftercare.service-app-cds";
    /** Where Quarkus puts the archive, beside {@code quarkus-run.jar}. */
    public static final String APP_CDS_ARCHIVE = "app-cds.jsa";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path logFile;
    /** Where this JVM writes the class-data archive of its start once ready, if it runs without one; else null. */
    private Path training;

    private ServiceProcess(String name, int port, Process process, Path logFile, Path training) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
        this.training = training;
    }

    /** A loopback address, not "localhost": that name may resolve to ::1 first, where nothing listens. */
    public static final String HOST = "127.0.0.1";

    /**
     * @param runJar the service's {@code target/quarkus-app/quarkus-run.jar}
     * @param config Quarkus configuration, passed as {@code -Dkey=value}: never a secret
     * @param environment added to the process's environment: the secrets
     */
    public static ServiceProcess start(String name, Path runJar, int port, Map<String, String> config,
            Map<String, String> environment, Path logDirectory)
            throws IOException {
        if (!Files.isRegularFile(runJar)) {
            throw new IOException(name + " is not built: " + runJar + " is missing (run ./mvnw package)");
        }
        Files.createDirectories(logDirectory);
        Path logFile = logDirectory.resolve(name + ".log");
        Optional<Path> archive = appCdsArchive(runJar);
        Path training = trainingArchive(runJar, archive);
        ProcessBuilder builder = new ProcessBuilder(command(runJar, port, config, archive, training))
                // An archive Quarkus' build makes names the run jar relative to its folder.
                .directory(runJar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // glibc gives threads that allocate natively arenas of their own, up to eight per core, and each keeps what it
        // once used; two are plenty for a JVM whose Java heap is elsewhere (issue 23's 200 MB; docs/benchmarks.md).
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new ServiceProcess(name, port, process, logFile, training);
    }

    private static List<String> command(Path runJar, int port, Map<String, String> config, Optional<Path> archive,
            Path training) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty(JVM_OPTIONS, LAPTOP_JVM_OPTIONS).trim().split("\\s+")));
        archive.ifPresent(found -> command.add("-XX:SharedArchiveFile=" + found));
        if (training != null) {
            // Quietly: at the dump the JVM names each class it leaves out.
            command.add("-XX:+RecordDynamicDumpInfo");
            command.add("-Xlog:cds*=off");
        }
        command.add("-Dquarkus.http.port=" + port);
        // The prod profile listens on every interface; a run on one machine is for that machine only.
        command.add("-Dquarkus.http.host=" + HOST);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(runJar.toAbsolutePath().toString());
        return command;
    }

    /**
     * The class-data archive beside the run jar, if it was made from this jar (a later build leaves the old one behind)
     * and {@link #APP_CDS} allows it: the classes of a whole earlier run (see {@link #trainingArchive}), or those a
     * build with {@code quarkus.package.jar.appcds.enabled} loaded. A JVM that cannot use it (another JDK, say) runs
     * without it: {@code -Xshare:auto}, the default.
     */
    static Optional<Path> appCdsArchive(Path runJar) {
        Path archive = runJar.toAbsolutePath().resolveSibling(APP_CDS_ARCHIVE);
        try {
            if (Boolean.parseBoolean(System.getProperty(APP_CDS, "true")) && Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(runJar)) >= 0) {
                return Optional.of(archive);
            }
        } catch (IOException unreadable) {
            // no archive then
        }
        return Optional.empty();
    }

    /**
     * Where a service that has no archive yet writes one of the classes its start loaded, once it is ready: the JVM's
     * dynamic archive ({@code -XX:+RecordDynamicDumpInfo}, then {@code jcmd <pid> VM.cds dynamic_dump}; at ready, not
     * at exit, since a dump at exit made the first stop too slow for compose's grace period). An archive Quarkus'
     * build makes ({@code quarkus.package.jar.appcds.enabled}) holds only the classes loaded before the application
     * starts (none of Hibernate's runtime, Kafka's clients or the HTTP server), which made a start 0.2-0.3 s faster;
     * one of a whole start 1.0-1.6 s. Null if there is an archive ({@code archive}, {@link #appCdsArchive}) or
     * {@link #APP_CDS} is false. Each process writes its own file, so that instances started together do not write
     * over each other.
     */
    static Path trainingArchive(Path runJar, Optional<Path> archive) {
        if (!Boolean.parseBoolean(System.getProperty(APP_CDS, "true")) || archive.isPresent()) {
            return null;
        }
        return runJar.toAbsolutePath().resolveSibling("app-cds-" + UUID.randomUUID() + ".training.jsa");
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** The process, so that a test can look at what others on the machine see of it (its command line). */
    public long pid() {
        return process.pid();
    }

    /** The exit code of a process that has ended: 143 after a SIGTERM the JVM honoured, 137 after a SIGKILL. */
    public int exitCode() {
        return process.exitValue();
    }

    public String baseUrl() {
        return "http://" + HOST + ":" + port;
    }

    public Path logFile() {
        return logFile;
    }

    /** Waits until {@code /q/health/ready} answers 200, failing early if the process dies. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with code " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    dumpTrainedArchive();
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            // Often: the start benchmark times launch to ready by this loop.
            Thread.sleep(50);
        }
        throw new IOException(name + " was not ready within " + timeout + "; see " + logFile);
    }

    /** SIGKILL: no shutdown hooks, no goodbye to Kafka or PostgreSQL, as a crash or an OOM kill would end it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * The classes of this start, written by the JVM (it pauses for a few seconds, once per build) and put in place as
     * the service's archive; without a JDK's {@code jcmd} beside this {@code java}, or if the dump fails, none.
     */
    private void dumpTrainedArchive() throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (training == null || !Files.isExecutable(jcmd)) {
            return;
        }
        Path archive = training;
        training = null;
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "VM.cds",
                    "dynamic_dump", archive.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            if (dump.waitFor(60, TimeUnit.SECONDS) && dump.exitValue() == 0 && Files.isRegularFile(archive)
                    && Files.size(archive) > 0) {
                Files.move(archive, archive.resolveSibling(APP_CDS_ARCHIVE), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } else {
                dump.destroyForcibly();
            }
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            // The next start trains again.
        }
    }
}
