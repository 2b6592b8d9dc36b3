package io.aftercare.guidance.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import io.aftercare.guidance.model.Category;
import io.aftercare.guidance.model.Channel;
import io.aftercare.guidance.model.Priority;

/**
 * One care moment of a patient's plan, rendered in their language: one text carrying the tips that rank first, and
 * an email with all of the moment's advice and its reasons. {@code ruleKey} is the moment's key ({@code leaving} for
 * the text at the end of the treatment, else {@code day<N>-<HHmm>} of the patient's wall clock): stable as long as the
 * moment's time is, so that a re-plan never sends the same moment twice.
 *
 * @param rules where each rule occurrence of this moment went: its tip in the text, or the email only
 */
public record PlannedReminder(String ruleKey, int occurrence, Category category, Priority priority, Instant dueAt,
        LocalDateTime dueLocal, Instant expiresAt, List<Channel> channels, String locale, Messages messages,
        List<Placement> rules) {

    /** The text per channel; absent channels are null. */
    public record Messages(String sms, Email email) {
    }

    public record Email(String subject, String body) {
    }

    /**
     * Where one occurrence of a rule went.
     *
     * @param moment the moment whose text or email carries it; null when it is not sent at all
     * @param via {@code sms} (its tip is in the moment's text, and its advice in the email), {@code email} (the email
     *        only), or {@code omitted}
     * @param reason why it is not in a text (budget, spacing, ranked after two other tips), or why it is omitted
     */
    public record Placement(String ruleKey, int occurrence, Instant dueAt, String moment, String via, String reason) {
    }
}
