package io.aftercare.guidance.messaging;

import java.time.Instant;
import java.util.List;

/** The data of a {@code protocol-published} CloudEvent: a new version is in force for a treatment. */
public record ProtocolPublished(String treatment, int version, Instant publishedAt, List<String> ruleKeys) {

    public static final String TYPE = "io.aftercare.protocol.published.v1";

    /** Stable across retries of the same publication. */
    public String eventId() {
        return treatment + ":" + version;
    }
}
