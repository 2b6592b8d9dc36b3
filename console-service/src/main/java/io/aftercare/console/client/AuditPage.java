package io.aftercare.console.client;

import java.util.List;

import io.aftercare.audit.AuditEntry;

/** A page of a service's clinic audit trail, newest first; {@code nextCursor} leads to the next, null on the last. */
public record AuditPage(List<AuditEntry> items, String nextCursor) {
}
