package io.aftercare.localstack.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waiting, in tests, for something that happens asynchronously: a delivery, an event, a state. */
public final class Eventually {

    private static final long PAUSE_MILLIS = 150;

    private Eventually() {
    }

    /** The first non-null answer of the probe within the bound; fails the test when there is none. */
    public static <T> T await(Duration bound, Supplier<T> probe) {
        return await("anything", bound, probe);
    }

    /** As {@link #await(Duration, Supplier)}, naming what was awaited when it never came. */
    public static <T> T await(String what, Duration bound, Supplier<T> probe) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            pause(PAUSE_MILLIS);
        }
        throw new AssertionError("waited " + bound + " for " + what + " in vain");
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
