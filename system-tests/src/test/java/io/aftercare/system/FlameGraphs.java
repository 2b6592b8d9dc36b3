package io.aftercare.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import one.convert.Arguments;
import one.convert.JfrToFlame;

/**
 * Flame graphs of a running service with async-profiler (from the Maven registry), loaded through the attach API:
 * CPU samples and allocation samples in one JFR recording, turned into HTML flame graphs and collapsed stacks under
 * {@code system-tests/target/flamegraphs/}.
 */
final class FlameGraphs {

    static final Path DIRECTORY = Path.of("target", "flamegraphs").toAbsolutePath();

    private FlameGraphs() {
    }

    /** Starts CPU and allocation sampling in the JVM; {@link #stop} writes the graphs. */
    static void start(AttachedJvm jvm, String name) throws Exception {
        Files.createDirectories(DIRECTORY);
        jvm.loadAgent(library(), "start,event=cpu,interval=2ms,alloc=256k,jfr,file=" + recording(name));
    }

    /** Stops sampling and writes {@code name-cpu.html}, {@code name-alloc.html} and {@code name-cpu.collapsed}. */
    static void stop(AttachedJvm jvm, String name) throws Exception {
        Path recording = recording(name);
        jvm.loadAgent(library(), "stop,file=" + recording);
        convert(recording, name + "-cpu.html", "--cpu", "-o", "html");
        convert(recording, name + "-alloc.html", "--alloc", "-o", "html");
        convert(recording, name + "-cpu.collapsed", "--cpu", "-o", "collapsed");
    }

    /** The frames where most CPU samples end (self time), with their share of the samples. */
    static String hottest(String name, int count) throws IOException {
        Map<String, Long> self = new HashMap<>();
        long total = 0;
        try (Stream<String> lines = Files.lines(DIRECTORY.resolve(name + "-cpu.collapsed"))) {
            for (String line : (Iterable<String>) lines::iterator) {
                int space = line.lastIndexOf(' ');
                long samples = Long.parseLong(line.substring(space + 1));
                String stack = line.substring(0, space);
                String frame = stack.substring(stack.lastIndexOf(';') + 1).replaceAll("_\\[[a-z0-9]+\\]$", "");
                self.merge(frame, samples, Long::sum);
                total += samples;
            }
        }
        long all = Math.max(1, total);
        return self.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(count)
                .map(e -> String.format("%s %.1f%%", e.getKey(), 100.0 * e.getValue() / all))
                .collect(Collectors.joining(", "));
    }

    private static void convert(Path recording, String output, String... options) throws IOException {
        JfrToFlame.convert(recording.toString(), DIRECTORY.resolve(output).toString(), new Arguments(options));
    }

    private static Path recording(String name) {
        return DIRECTORY.resolve(name + ".jfr");
    }

    /** The profiler's Linux x64 library, taken out of its jar on the test class path once. */
    private static synchronized Path library() throws IOException {
        Path library = Path.of("target", "async-profiler", "libasyncProfiler.so").toAbsolutePath();
        if (!Files.exists(library)) {
            Files.createDirectories(library.getParent());
            try (InputStream in = FlameGraphs.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
                if (in == null) {
                    throw new IOException("async-profiler's linux-x64 library is not on the class path");
                }
                Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return library;
    }
}
