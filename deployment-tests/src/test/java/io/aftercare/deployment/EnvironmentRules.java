package io.aftercare.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a deployment gives a service or the broker setup, against what they read: no variable that nothing
 * reads (a misspelt or retired setting, silently ignored), and every one they need in production.
 */
final class EnvironmentRules {

    /**
     * Read by the container image rather than by the service: the ubi9 OpenJDK image's {@code run-java.sh}. Anything
     * else a deployment names must be a setting of the service.
     */
    static final Map<String, String> IMAGE_SETTINGS = Map.of("JAVA_OPTS_APPEND",
            "JVM options, read by the OpenJDK image's run-java.sh");

    /** Read by Kafka's own tools (kafka-run-class.sh), which ops/kafka/setup.sh runs. */
    static final Map<String, String> KAFKA_TOOL_SETTINGS = Map.of("LOG_DIR", "where Kafka's tools write their log",
            "KAFKA_HEAP_OPTS", "the tools' heap");

    static final Path SETUP_SCRIPT = ServiceConfiguration.REPOSITORY.resolve("ops/kafka/setup.sh");

    private static final Pattern SCRIPT_VARIABLE = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)(:?[-+=?])?");
    private static final Pattern SCRIPT_ASSIGNMENT = Pattern.compile("(?m)(?:^|[\\s;)])([A-Z][A-Z0-9_]*)=");

    private EnvironmentRules() {
    }

    /** What is wrong with the environment {@code where} gives {@code service}. */
    static List<String> check(String where, ServiceConfiguration service, Collection<String> variables) {
        List<String> problems = new ArrayList<>();
        for (String variable : variables) {
            if (!service.reads(variable) && !IMAGE_SETTINGS.containsKey(variable)) {
                problems.add(where + " sets " + variable + ", which " + service.module() + " does not read");
            }
        }
        service.requiredInProduction().forEach((property, requirement) -> {
            if (requirement.variables().stream().noneMatch(variables::contains)) {
                problems.add(where + " does not set " + String.join(" or ", requirement.variables()) + ", which "
                        + service.module() + " needs: " + requirement.why());
            }
        });
        return problems;
    }

    /** What is wrong with the environment {@code where} gives ops/kafka/setup.sh. */
    static List<String> checkSetupScript(String where, Collection<String> variables) {
        String script;
        try {
            script = Files.readString(SETUP_SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> assigned = new TreeSet<>();
        Matcher assignment = SCRIPT_ASSIGNMENT.matcher(script);
        while (assignment.find()) {
            assigned.add(assignment.group(1));
        }
        Set<String> read = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        Matcher variable = SCRIPT_VARIABLE.matcher(script);
        while (variable.find()) {
            if (!assigned.contains(variable.group(1))) {
                read.add(variable.group(1));
                if (variable.group(2) == null) {
                    required.add(variable.group(1));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (String name : variables) {
            if (!read.contains(name) && !KAFKA_TOOL_SETTINGS.containsKey(name)) {
                problems.add(where + " sets " + name + ", which ops/kafka/setup.sh does not read");
            }
        }
        for (String name : required) {
            if (!variables.contains(name)) {
                problems.add(where + " does not set " + name + ", which ops/kafka/setup.sh needs (set -u)");
            }
        }
        return problems;
    }
}
