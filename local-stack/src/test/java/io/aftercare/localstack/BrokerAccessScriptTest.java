package io.aftercare.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The deployment's broker setup grants exactly what the local stack's does (one table of who may do what), and creates
 * the same topics with the same partitions (one count, {@link LocalKafka#PARTITIONS}).
 */
class BrokerAccessScriptTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("aftercare.repo", ".."));
    private static final Path SCRIPT = REPOSITORY.resolve("ops/kafka/setup.sh");

    @Test
    void composesSetupScriptGrantsWhatBrokerAccessGrants() throws Exception {
        List<String> lines = Files.readAllLines(SCRIPT);
        List<String> grants = lines.subList(lines.indexOf("# grants: begin") + 1, lines.indexOf("# grants: end"));
        Set<String> expected = new HashSet<>();
        BrokerAccess.GRANTS.forEach((user, grant) -> {
            grant.writes().forEach(topic -> expected.add("allow " + user.userName() + " Write " + topic));
            grant.reads().forEach(topic -> expected.add("allow " + user.userName() + " Read " + topic));
            if (!grant.reads().isEmpty()) {
                expected.add("group " + user.userName() + " " + grant.groupPrefix());
            }
        });
        assertThat(grants).doesNotHaveDuplicates();
        assertThat(new HashSet<>(grants)).as(SCRIPT + " between its grant markers").isEqualTo(expected);
    }

    @Test
    void composesSetupScriptCreatesTheLocalStacksTopicsWithItsPartitions() throws Exception {
        String script = Files.readString(SCRIPT);
        Matcher partitions = Pattern.compile("--partitions \"\\$\\{PARTITIONS:-(\\d+)}\"").matcher(script);
        assertThat(partitions.find()).as(SCRIPT + " creates topics with --partitions \"${PARTITIONS:-n}\"").isTrue();
        assertThat(Integer.parseInt(partitions.group(1))).as("the default partitions of " + SCRIPT)
                .isEqualTo(LocalKafka.PARTITIONS);

        Set<String> created = new HashSet<>();
        Matcher loop = Pattern.compile("for name in ([^;]+); do").matcher(script);
        assertThat(loop.find()).isTrue();
        for (String name : loop.group(1).split("[\\s\\\\]+")) {
            if (!name.isBlank()) {
                created.add(name);
                created.add(name + "-dlt");
            }
        }
        Matcher single = Pattern.compile("(?m)^topic ([a-z-]+)").matcher(script);
        while (single.find()) {
            created.add(single.group(1));
        }
        Set<String> expected = new HashSet<>();
        LocalKafka.TOPICS.forEach(topic -> {
            expected.add(topic);
            expected.add(topic + "-dlt");
        });
        assertThat(created).as("the topics " + SCRIPT + " creates").isEqualTo(expected);
    }

    @Test
    void composesBrokerDefaultsToTheSamePartitions() throws Exception {
        Matcher partitions = Pattern.compile("KAFKA_NUM_PARTITIONS: \"?(\\d+)")
                .matcher(Files.readString(REPOSITORY.resolve("docker-compose.yml")));
        assertThat(partitions.find()).as("docker-compose.yml sets KAFKA_NUM_PARTITIONS").isTrue();
        assertThat(Integer.parseInt(partitions.group(1))).isEqualTo(LocalKafka.PARTITIONS);
    }
}
