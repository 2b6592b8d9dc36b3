package io.aftercare.scheduling.messaging;

import java.time.Instant;

/**
 * This service's reading of guidance's {@code protocol-published} event data; with a {@code clinicId}, one clinic's
 * override changed.
 */
public record ProtocolPublished(String treatment, int version, Instant publishedAt, String clinicId) {
}
