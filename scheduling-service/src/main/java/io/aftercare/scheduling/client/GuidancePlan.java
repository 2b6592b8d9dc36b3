package io.aftercare.scheduling.client;

import java.time.Instant;
import java.util.List;

/** This service's reading of guidance's plan answer; unknown fields are ignored. */
public record GuidancePlan(String treatment, int protocolVersion, List<Item> reminders) {

    public record Item(String ruleKey, int occurrence, String category, String priority, Instant dueAt,
            Instant expiresAt, List<String> channels, String locale, Messages messages) {
    }

    public record Messages(String sms, Email email) {
    }

    public record Email(String subject, String body) {
    }
}
