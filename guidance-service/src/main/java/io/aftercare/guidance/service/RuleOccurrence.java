package io.aftercare.guidance.service;

import java.time.Instant;
import java.time.ZonedDateTime;

import io.aftercare.guidance.model.Channel;
import io.aftercare.guidance.model.Priority;
import io.aftercare.guidance.model.Rule;

/**
 * One occurrence of a rule for a patient: when it is due on their clock (already moved into their send window) and
 * until when it is worth sending.
 *
 * @param leaving due at the end of the treatment (the first text)
 */
record RuleOccurrence(Rule rule, int occurrence, ZonedDateTime due, Instant expires, boolean leaving) {

    boolean texted() {
        return rule.channels().contains(Channel.SMS);
    }

    boolean emailed() {
        return rule.channels().contains(Channel.EMAIL);
    }

    boolean urgent() {
        return rule.priority() == Priority.URGENT;
    }

    /** Daytime advice (the sun) ranks last from 17:00: it is of use the next morning, not tonight. */
    int rankAt(ZonedDateTime when) {
        return rule.isDaytime() && when.getHour() >= 17 ? 1000 : rule.effectiveRank();
    }
}
