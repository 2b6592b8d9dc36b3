package io.aftercare.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The deployment's broker setup grants exactly what the local stack's does: one table of who may do what. */
class BrokerAccessScriptTest {

    private static final Path SCRIPT = Path.of(System.getProperty("aftercare.repo", ".."), "ops/kafka/setup.sh");

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
}
