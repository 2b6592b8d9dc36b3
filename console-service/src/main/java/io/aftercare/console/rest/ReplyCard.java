package io.aftercare.console.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import io.aftercare.console.model.InboxReply;
import io.aftercare.console.service.Person;
import io.quarkus.qute.TemplateData;

/**
 * One reply as the inbox shows it ({@code tags/replyCard.html}): the patient's first name, the number masked, the
 * booking, the check-in score, the words, who handled it or took it on and when. People are shown by name, never by
 * the id notification knows them by.
 */
@TemplateData
public record ReplyCard(UUID id, String firstName, String phoneMasked, String bookingRef, String body,
        Integer checkInScore, boolean urgent, String urgentReason, boolean open, String received, String receivedIso,
        String handledByName, String handledAt, String assignedToName, String assignedAt, boolean assignedToMe) {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** @param names the clinic's people by id; someone else (a clinic's key, the operator) is shown as named */
    static ReplyCard of(InboxReply reply, Map<String, String> names, Person me, String unnamed) {
        return new ReplyCard(reply.id(), reply.firstName() == null ? unnamed : reply.firstName(), reply.phoneMasked(),
                reply.bookingRef() == null ? reply.bookingId().toString() : reply.bookingRef(), reply.body(),
                reply.checkInScore(), reply.urgent(), reply.urgentReason(), reply.open(), shown(reply.receivedAt()),
                reply.receivedAt() == null ? "" : reply.receivedAt().toString(),
                name(reply.handledBy(), names), shown(reply.handledAt()), name(reply.assignedTo(), names),
                shown(reply.assignedAt()), me.id().toString().equals(reply.assignedTo()));
    }

    static String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at);
    }

    private static String name(String who, Map<String, String> names) {
        return who == null ? null : names.getOrDefault(who, who);
    }
}
