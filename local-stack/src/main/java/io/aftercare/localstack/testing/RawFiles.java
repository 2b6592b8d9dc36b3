package io.aftercare.localstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches the raw bytes of every file under a directory (a broker's log segments, a database's data directory), as
 * someone who copied the disk or a backup would: no client, no decoding, so nothing can hide a value in the clear.
 * The servers keep writing while it searches: a file removed meanwhile (a checkpoint's {@code .tmp}, a rolled
 * segment) is skipped, which {@code Files.walk} cannot do, since its stream fails on the first entry that vanished.
 */
public final class RawFiles {

    private RawFiles() {
    }

    /** The files under {@code root} whose bytes hold {@code text} (UTF-8); files that vanish meanwhile are skipped. */
    public static List<Path> containing(Path root, String text) {
        return containingEach(root, text).get(text);
    }

    /**
     * For each text (UTF-8), the files under {@code root} whose bytes hold it, in one read of the directory: a data
     * directory is hundreds of MB to read (a broker allocates each partition's index files whole, if sparse), and
     * reading it once per value was most of the time of the tests that look for several.
     */
    public static Map<String, List<Path>> containingEach(Path root, String... texts) {
        Map<String, List<Path>> found = new LinkedHashMap<>();
        List<byte[]> needles = new ArrayList<>();
        for (String text : texts) {
            found.put(text, new ArrayList<>());
            needles.add(text.getBytes(StandardCharsets.UTF_8));
        }
        eachFile(root, (file, attributes) -> {
            try {
                byte[] haystack = Files.readAllBytes(file);
                for (int i = 0; i < texts.length; i++) {
                    if (indexOf(haystack, needles.get(i)) >= 0) {
                        found.get(texts[i]).add(file);
                    }
                }
            } catch (IOException gone) {
                // a segment rolled or a temporary file removed while walking: nothing left to search
            }
        });
        return found;
    }

    /** How many bytes are under {@code root}: a test shows that it searched something. */
    public static long size(Path root) {
        long[] total = {0};
        eachFile(root, (file, attributes) -> total[0] += attributes.size());
        return total[0];
    }

    private interface FileAction {
        void accept(Path file, BasicFileAttributes attributes);
    }

    private static void eachFile(Path root, FileAction action) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        action.accept(file, attributes);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
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
