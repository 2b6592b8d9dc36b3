package io.aftercare.scheduling.service;

import java.time.Instant;

import io.aftercare.scheduling.Priority;

/** One reminder of a patient's plan before it becomes a timer. */
public record PlannedReminder(String ruleKey, int occurrence, int protocolVersion, Priority priority, Instant dueAt,
        Instant expiresAt, String smsText) {
}
