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
import java.util.List;

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
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        eachFile(root, (file, attributes) -> {
            try {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    found.add(file);
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
