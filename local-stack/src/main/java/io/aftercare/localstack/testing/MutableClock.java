package io.aftercare.localstack.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can move: it runs like the system clock, shifted by an offset that {@link #setTo} and
 * {@link #advance} change and {@link #reset} removes. It keeps running, so the services' background work goes on as in
 * production; a test moves it to the moment it is about (01:00 in Madrid, just past a validity) instead of picking a
 * time zone by the hour it happens to be. Each service's tests make it their {@code Clock} bean with a subclass.
 */
public class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /** From now on the clock reads {@code moment}, and runs on from there. */
    public void setTo(Instant moment) {
        offset.set(Duration.between(Instant.now(), moment));
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Back to the system's time: every test that moves the clock resets it when done. */
    public void reset() {
        offset.set(Duration.ZERO);
    }
}
