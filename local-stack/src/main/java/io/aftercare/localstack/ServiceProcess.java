package io.aftercare.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * Small heaps and a quick JIT (C1 only): three services and the infrastructure share a laptop, and start fast.
     * A deployment's JVM compiles hot code with C2 as well, and is faster once warm.
     */
    public static final String LAPTOP_JVM_OPTIONS = "-Xmx256m -XX:TieredStopAtLevel=1";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(String name, int port, Process process, Path logFile) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty(JVM_OPTIONS, LAPTOP_JVM_OPTIONS).trim().split("\\s+")));
        command.add("-Dquarkus.http.port=" + port);
        // The prod profile listens on every interface; a run on one machine is for that machine only.
        command.add("-Dquarkus.http.host=" + HOST);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(runJar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new ServiceProcess(name, port, process, logFile);
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
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
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
}
