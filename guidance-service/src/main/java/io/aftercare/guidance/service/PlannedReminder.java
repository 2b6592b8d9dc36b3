package io.aftercare.guidance.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import io.aftercare.guidance.model.Category;
import io.aftercare.guidance.model.Channel;
import io.aftercare.guidance.model.Priority;

/** One concrete reminder of a patient's plan, rendered in their language. */
public record PlannedReminder(String ruleKey, int occurrence, Category category, Priority priority, Instant dueAt,
        LocalDateTime dueLocal, Instant expiresAt, List<Channel> channels, String locale, Messages messages) {

    /** The text per channel; absent channels are null. */
    public record Messages(String sms, Email email) {
    }

    public record Email(String subject, String body) {
    }
}
