package io.aftercare.audit;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which reads are of patient data (each service names its own), and how long the trail is kept. */
@ConfigMapping(prefix = "aftercare.audit")
public interface AuditConfig {

    /** Regular expressions over the path: a signed-in GET of one of these is recorded. Changes always are. */
    @WithDefault("none")
    List<String> reads();

    /** Older lines are deleted (the only deletion the table allows). */
    @WithDefault("P400D")
    Duration retention();
}
