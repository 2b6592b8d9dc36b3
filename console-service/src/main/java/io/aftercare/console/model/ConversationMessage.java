package io.aftercare.console.model;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One text of a conversation: {@code out} to the patient (a reminder's care moment, {@code staff-reply},
 * {@code urgent-answer}, with its delivery status) or {@code in}, the patient's reply.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConversationMessage(String direction, Instant at, String text, String ruleKey, String status,
        UUID replyId) {

    public boolean fromPatient() {
        return "in".equals(direction);
    }
}
