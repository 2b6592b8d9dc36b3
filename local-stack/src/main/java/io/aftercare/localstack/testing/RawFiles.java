package io.aftercare.localstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Searches the raw bytes of every file under a directory (a broker's log segments, a database's data directory), as
 * someone who copied the disk or a backup would: no client, no decoding, so nothing can hide a value in the clear.
 */
public final class RawFiles {

    private RawFiles() {
    }

    /** The files under {@code root} whose bytes hold {@code text} (UTF-8); files that vanish meanwhile are skipped. */
    public static List<Path> containing(Path root, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                        found.add(file);
                    }
                } catch (IOException gone) {
                    // a segment rolled or a temporary file removed while walking: nothing left to search
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** How many bytes are under {@code root}: a test shows that it searched something. */
    public static long size(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
