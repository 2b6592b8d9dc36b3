package io.aftercare.console.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What changed in a clinic's inbox after a moment, without a word of any patient's: ids, states and times, and how
 * many replies are open (and urgent). The live view polls it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InboxChanges(Instant asOf, long open, long urgentOpen, List<Change> items) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(UUID id, String state, boolean urgent, Instant receivedAt, Instant updatedAt,
            String assignedTo, String handledBy) {
    }
}
