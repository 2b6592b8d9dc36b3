package io.aftercare.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time as the kernel accounts it, from {@code /proc/<pid>/stat}: what a process cost the machine, whatever the
 * process thinks of itself, and the same measure for a JVM, PostgreSQL's backends and a floor.
 */
final class ProcessCpu {

    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcessCpu() {
    }

    /** User and system time of the process and of its children that have ended and been waited for. */
    static double millis(long pid) {
        String[] fields = statFields(pid);
        // After the command name in parentheses: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }

    /** The process and every descendant still running: PostgreSQL's postmaster and its backends. */
    static double treeMillis(long pid) {
        double total = millis(pid);
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList())
                .orElse(java.util.List.of())) {
            try {
                total += millis(child.pid());
            } catch (UncheckedIOException | NumberFormatException gone) {
                // ended between the listing and the read: its time is in its parent's cutime once waited for
            }
        }
        return total;
    }

    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(answer) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
