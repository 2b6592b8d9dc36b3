package io.aftercare.console.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** notification's view of one booking's conversation ({@code GET /v1/clinics/{c}/conversations?bookingId=}). */
public record ConversationRecord(UUID bookingId, List<Reply> replies, List<OptOut> optOuts) {

    public record Reply(UUID id, String body, String language, Integer checkInScore, boolean urgent,
            String urgentReason, String state, Instant receivedAt, Instant handledAt, String handledBy) {
    }

    public record OptOut(String channel, String keyword, boolean everySender, Instant since) {
    }
}
