package io.aftercare.scheduling.messaging;

import java.time.Instant;

/** This service's reading of guidance's {@code protocol-published} event data. */
public record ProtocolPublished(String treatment, int version, Instant publishedAt) {
}
