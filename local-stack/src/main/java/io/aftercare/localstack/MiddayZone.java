package io.aftercare.localstack;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Time zones chosen by the hour it is there right now. Advice planned "now" for a patient where it is early afternoon
 * is inside the send window (08:00-20:00) whenever a test or the demo runs; where it is night, it rightly waits.
 */
public final class MiddayZone {

    private MiddayZone() {
    }

    /** A zone where it is now between 13:00 and 14:00. */
    public static String now() {
        return whereItIs(13);
    }

    /**
     * An IANA {@code Etc/GMT} zone where the hour is now {@code localHour}; note those names invert the sign:
     * Etc/GMT-3 is UTC+3.
     */
    public static String whereItIs(int localHour) {
        int utcHour = OffsetDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(localHour - utcHour + 12, 24) - 12;
        return offset == 0 ? "Etc/GMT" : offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + (-offset);
    }
}
