package io.aftercare.localstack;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A time zone where it is early afternoon right now. Advice planned "now" for a patient there is inside the send
 * window (08:00-20:00) whenever a test or the demo runs; elsewhere, at night, it would rightly wait until morning.
 */
public final class MiddayZone {

    private MiddayZone() {
    }

    /** An IANA {@code Etc/GMT} zone; note those names invert the sign: Etc/GMT-3 is UTC+3. */
    public static String now() {
        int utcHour = OffsetDateTime.now(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(13 - utcHour + 12, 24) - 12;
        return offset == 0 ? "Etc/GMT" : offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + (-offset);
    }
}
