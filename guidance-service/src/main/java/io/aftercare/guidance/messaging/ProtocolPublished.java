package io.aftercare.guidance.messaging;

import java.time.Instant;
import java.util.List;

/**
 * The data of a {@code protocol-published} CloudEvent: a new version is in force for a treatment, or (with a
 * {@code clinicId}) one clinic's override of it changed; either way the plans still ahead must be computed again.
 */
public record ProtocolPublished(String treatment, int version, Instant publishedAt, List<String> ruleKeys,
        String clinicId) {

    public static final String TYPE = "io.aftercare.protocol.published.v1";

    public ProtocolPublished(String treatment, int version, Instant publishedAt, List<String> ruleKeys) {
        this(treatment, version, publishedAt, ruleKeys, null);
    }

    /** Stable across retries of the same publication or override change. */
    public String eventId() {
        return clinicId == null
                ? treatment + ":" + version
                : treatment + ":" + version + ":" + clinicId + ":" + publishedAt.toEpochMilli();
    }
}
