package io.aftercare.guidance;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinic's departures from a treatment's base protocol; the content is the JSON of a ClinicOverrideContent. A row as
 * read or about to be written: a replacement is written by ClinicOverrideRepository's explicit UPDATE.
 */
public record ClinicOverride(UUID id, String clinicId, String treatment, String content, Instant updatedAt) {
}
