package io.aftercare.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of a {@code protocol-published} CloudEvent (contracts/schemas/protocol-published.schema.json): a new
 * version is in force for a treatment, or (with a {@code clinicId}) one clinic's override of it changed; either way
 * the plans still ahead must be computed again. Guidance writes it, scheduling reads it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProtocolPublished(String treatment, int version, Instant publishedAt, List<String> ruleKeys,
        String clinicId) {

    public static final String TYPE = "io.aftercare.protocol.published.v1";

    /** A new version of the treatment's protocol for every clinic. */
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
