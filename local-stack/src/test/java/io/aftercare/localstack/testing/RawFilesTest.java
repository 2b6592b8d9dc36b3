package io.aftercare.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawFilesTest {

    @Test
    void oneReadFindsEachTextInTheFilesThatHoldItAndOnlyThere(@TempDir Path root) throws Exception {
        Path nested = Files.createDirectories(root.resolve("segments"));
        Path first = Files.write(nested.resolve("a.log"), bytes("\0\0clinic-7 whsec_abc\0"));
        Path second = Files.write(root.resolve("b.dat"), bytes("clinic-7 and something else"));
        Files.write(root.resolve("empty.index"), new byte[4096]);

        Map<String, List<Path>> found = RawFiles.containingEach(root, "clinic-7", "whsec_abc", "whsec_abd",
                "clinic-7 and something else and more");

        assertThat(found.get("clinic-7")).containsExactlyInAnyOrder(first, second);
        assertThat(found.get("whsec_abc")).containsExactly(first);
        assertThat(found.get("whsec_abd")).isEmpty();
        assertThat(found.get("clinic-7 and something else and more")).isEmpty();
        assertThat(RawFiles.containing(root, "something")).containsExactly(second);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
