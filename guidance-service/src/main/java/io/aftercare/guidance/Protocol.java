package io.aftercare.guidance;

import java.time.Instant;

/**
 * A treatment's aftercare protocol: the one draft being edited, or a published version, which never changes (a
 * database trigger refuses it). The content is the JSON of {@link io.aftercare.guidance.model.ProtocolContent}. A row
 * as read or about to be inserted: a change to a draft is written by ProtocolRepository's explicit UPDATE.
 *
 * @param id null until inserted (the database's identity column numbers it)
 * @param version 1, 2, ... once published; null for the draft
 */
public record Protocol(Long id, String treatment, Integer version, ProtocolStatus status, String content,
        Instant createdAt, Instant publishedAt) {

    /** A draft not yet stored. */
    public static Protocol newDraft(String treatment, String content, Instant createdAt) {
        return new Protocol(null, treatment, null, ProtocolStatus.DRAFT, content, createdAt, null);
    }

    /** A published version not yet stored; it is published when it is created. */
    public static Protocol newPublished(String treatment, int version, String content, Instant at) {
        return new Protocol(null, treatment, version, ProtocolStatus.PUBLISHED, content, at, at);
    }

    public Protocol withId(long newId) {
        return new Protocol(newId, treatment, version, status, content, createdAt, publishedAt);
    }
}
