package io.aftercare.system;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a piece of work cost each process on the machine: kernel CPU time, and the heap bytes a JVM says its threads
 * allocated, read before and after, divided by the units of work done in between.
 */
final class CostMeter {

    /** One process, or one part of a process, whose cost is read. */
    interface Source {
        String name();

        double cpuMillis();

        /** Bytes allocated so far, or -1 where the source is not a JVM's heap. */
        long allocatedBytes();
    }

    private final List<Source> sources;

    CostMeter(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /** A service's JVM: CPU from {@code /proc}, allocation from the JVM's own count. */
    static Source jvm(String name, AttachedJvm jvm) {
        return new Source() {
            public String name() {
                return name;
            }

            public double cpuMillis() {
                return ProcessCpu.millis(jvm.pid());
            }

            public long allocatedBytes() {
                return jvm.allocatedBytes();
            }
        };
    }

    /** PostgreSQL: the postmaster, its backends, and backends that ended (counted into the postmaster's cutime). */
    static Source postgres(Path dataDirectory) throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        return new Source() {
            public String name() {
                return "postgres";
            }

            public double cpuMillis() {
                return ProcessCpu.treeMillis(postmaster);
            }

            public long allocatedBytes() {
                return -1;
            }
        };
    }

    /**
     * Threads of this JVM: the local broker runs inside the test's JVM, so its cost is the CPU of the threads it
     * started (ThreadMXBean per thread), not the process's.
     */
    static Source threads(String name, Set<Long> ids) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] idArray = ids.stream().mapToLong(Long::longValue).toArray();
        return new Source() {
            public String name() {
                return name;
            }

            public double cpuMillis() {
                return Arrays.stream(idArray).map(threads::getThreadCpuTime).filter(t -> t > 0).sum() / 1e6;
            }

            public long allocatedBytes() {
                return -1;
            }
        };
    }

    /**
     * This JVM less the given threads (the broker's): the cost of what the test itself runs in-process, such as the
     * db-scheduler baseline, ended threads included.
     */
    static Source thisJvmWithout(String name, Set<Long> ids) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] idArray = ids.stream().mapToLong(Long::longValue).toArray();
        Source left = threads("left out", ids);
        long pid = ProcessHandle.current().pid();
        return new Source() {
            public String name() {
                return name;
            }

            public double cpuMillis() {
                return ProcessCpu.millis(pid) - left.cpuMillis();
            }

            public long allocatedBytes() {
                return threads.getTotalThreadAllocatedBytes()
                        - Arrays.stream(threads.getThreadAllocatedBytes(idArray)).filter(b -> b > 0).sum();
            }
        };
    }

    /** The ids of this JVM's live threads, to tell the threads a component started from those it found. */
    static Set<Long> liveThreadIds() {
        return Arrays.stream(ManagementFactory.getThreadMXBean().getAllThreadIds()).boxed()
                .collect(Collectors.toSet());
    }

    Reading start() {
        return new Reading(System.nanoTime(), read());
    }

    /** The cost of the work done since {@code start}, per unit. */
    Cost stop(Reading start, String label, long units) {
        Map<String, double[]> end = read();
        List<Share> shares = new ArrayList<>();
        for (Source source : sources) {
            double[] before = start.values().get(source.name());
            double[] after = end.get(source.name());
            double allocated = before[1] < 0 ? -1 : (after[1] - before[1]) / units;
            shares.add(new Share(source.name(), (after[0] - before[0]) / units, allocated));
        }
        return new Cost(label, units, (System.nanoTime() - start.nanos()) / 1e9, shares);
    }

    private Map<String, double[]> read() {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Source source : sources) {
            values.put(source.name(), new double[]{source.cpuMillis(), source.allocatedBytes()});
        }
        return values;
    }

    record Reading(long nanos, Map<String, double[]> values) {
    }

    /** One process's part: CPU milliseconds and allocated bytes (-1: not measured) per unit of work. */
    record Share(String name, double cpuMillis, double allocatedBytes) {
    }

    record Cost(String label, long units, double seconds, List<Share> shares) {

        double totalCpuMillis() {
            return shares.stream().mapToDouble(Share::cpuMillis).sum();
        }

        /** The JVMs' part (the services or the floor), without PostgreSQL and the broker. */
        double jvmCpuMillis() {
            return shares.stream().filter(s -> s.allocatedBytes() >= 0).mapToDouble(Share::cpuMillis).sum();
        }

        String line() {
            String parts = shares.stream()
                    .map(s -> String.format("%s %.2f ms cpu%s", s.name(), s.cpuMillis(),
                            s.allocatedBytes() < 0 ? "" : String.format(", %.0f KB alloc", s.allocatedBytes() / 1024)))
                    .collect(Collectors.joining("; "));
            return String.format("%s (%d in %.1f s): %s; all %.2f ms cpu", label, units, seconds, parts,
                    totalCpuMillis());
        }
    }
}
