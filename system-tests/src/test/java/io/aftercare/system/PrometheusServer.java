package io.aftercare.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.aftercare.localstack.FreePorts;

/**
 * Debian's Prometheus, scraping services with the scrape jobs of the deployment's own configuration
 * ({@code ops/prometheus/prometheus.yml}), their targets moved to where the services run in the test.
 */
final class PrometheusServer implements AutoCloseable {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private final Process process;
    private final int port;

    private PrometheusServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param targets the deployment's host:port of each job, and where the job's service answers in the test */
    static PrometheusServer start(Path deploymentConfig, Map<String, String> targets) throws IOException {
        if (!Files.isExecutable(PROMETHEUS)) {
            throw new IllegalStateException(PROMETHEUS + " is missing: .ci/run installs Debian's prometheus");
        }
        Path work = Files.createTempDirectory("prometheus-");
        String config = Files.readString(deploymentConfig).replace("scrape_interval: 15s", "scrape_interval: 1s");
        for (Map.Entry<String, String> target : targets.entrySet()) {
            config = config.replace(target.getKey(), target.getValue());
        }
        Files.writeString(work.resolve("prometheus.yml"), config);
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(PROMETHEUS.toString(),
                "--config.file=" + work.resolve("prometheus.yml"), "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile())
                .start();
        return new PrometheusServer(process, port);
    }

    /** What promtool says of a configuration file; throws when it refuses it. */
    static String check(Path config) throws IOException, InterruptedException {
        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "config", config.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(promtool.getInputStream().readAllBytes());
        if (!promtool.waitFor(60, TimeUnit.SECONDS) || promtool.exitValue() != 0) {
            throw new IllegalStateException("promtool refused " + config + ": " + output);
        }
        return output;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
