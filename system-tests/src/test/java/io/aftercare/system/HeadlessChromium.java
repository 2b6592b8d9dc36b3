package io.aftercare.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, as a real browser for the ops page: it runs the page's JavaScript for a while, then
 * prints the DOM or takes a screenshot; its log carries the page's console messages.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    record Result(String output, List<String> consoleErrors) {
    }

    private HeadlessChromium() {
    }

    static Result dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    static Result screenshot(String url, Path png) throws IOException, InterruptedException {
        return run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,1400", url));
    }

    private static Result run(List<String> arguments) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: .ci/run installs Debian's chromium");
        }
        Path profile = Files.createTempDirectory("chromium-");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=8000"));
        command.addAll(arguments);
        Path out = profile.resolve("stdout.txt");
        Path err = profile.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 90 s");
        }
        // Console messages are logged as ":CONSOLE(line)] "text", source: url"; errors and uncaught exceptions count.
        List<String> consoleErrors = Files.readAllLines(err)
                .stream()
                .filter(line -> line.contains(":CONSOLE("))
                .filter(line -> line.contains("Uncaught") || line.contains("Error") || line.contains("Failed"))
                .toList();
        return new Result(Files.readString(out), consoleErrors);
    }
}
