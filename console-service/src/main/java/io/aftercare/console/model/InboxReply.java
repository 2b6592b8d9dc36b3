package io.aftercare.console.model;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A patient's reply as notification's inbox gives it. {@code handledBy} and {@code assignedTo} name a person by the id
 * their token carried (the console shows their name), or a machine caller (a clinic's key, the operator).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InboxReply(UUID id, UUID bookingId, String bookingRef, String phone, String body, Integer checkInScore,
        boolean urgent, String urgentReason, String state, Instant receivedAt, Instant handledAt, String handledBy,
        String assignedTo, Instant assignedAt, String firstName) {

    public boolean open() {
        return "open".equals(state);
    }

    /** {@code +34612345678} becomes {@code +34*******78}: enough to tell two apart, not to call anyone. */
    public String phoneMasked() {
        if (phone == null || phone.length() < 6) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 2);
    }
}
