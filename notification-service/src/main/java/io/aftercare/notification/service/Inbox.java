package io.aftercare.notification.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.events.PatientReplyHandled;
import io.aftercare.notification.PatientReply;
import io.aftercare.notification.ReplyState;
import io.aftercare.notification.messaging.EventOutbox;
import io.aftercare.notification.repository.PatientReplyRepository;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.Problem;
import io.aftercare.problem.UnprocessableException;

/**
 * A clinic's inbox: its patients' replies page by page, marking them handled (announced on {@code replies-handled}
 * through the event outbox, for the ops page's counts at scheduling), and answering them by text.
 */
@ApplicationScoped
public class Inbox {

    /** How many replies are open, and how many of them urgent. */
    public record Counts(long open, long urgentOpen) {
    }

    /** A page of replies and where the next one starts (null on the last page). */
    public record Page(List<PatientReply> items, String nextCursor) {
    }

    private final PatientReplyRepository replies;
    private final PatientMessages messages;
    private final TextPreferences preferences;
    private final EventOutbox outbox;
    private final Clock clock;

    public Inbox(PatientReplyRepository replies, PatientMessages messages, TextPreferences preferences,
            EventOutbox outbox, Clock clock) {
        this.replies = replies;
        this.messages = messages;
        this.preferences = preferences;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param urgentFirst urgent replies first, then newest (the console's order); else newest first */
    @Transactional
    public Page page(String clinicId, ReplyState state, String cursor, int limit, boolean urgentFirst) {
        List<PatientReply> found = replies.page(clinicId, state, cursor == null ? null : decode(cursor), limit,
                urgentFirst);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<PatientReply> page = found.subList(0, limit);
        return new Page(List.copyOf(page), encode(page.get(limit - 1), urgentFirst));
    }

    /** One entry of the clinic's inbox; another clinic's is not found. */
    @Transactional
    public PatientReply one(String clinicId, UUID replyId) {
        return find(clinicId, replyId);
    }

    @Transactional
    public List<PatientReply> changedSince(String clinicId, Instant since, int limit) {
        return replies.changedSince(clinicId, since, limit);
    }

    @Transactional
    public Counts openCounts(String clinicId) {
        long[] counts = replies.openCounts(clinicId);
        return new Counts(counts[0], counts[1]);
    }

    /**
     * Assigns the reply to a person of the clinic ("assign to me"); assigning it again to the same person changes
     * nothing, to another moves it.
     */
    @Transactional
    public PatientReply assign(String clinicId, UUID replyId, String to) {
        PatientReply reply = find(clinicId, replyId);
        if (!to.equals(reply.assignedTo)) {
            reply.assignedTo = to;
            reply.assignedAt = clock.instant();
            reply.updatedAt = reply.assignedAt;
            replies.assigned(reply);
        }
        return reply;
    }

    /** Marks the reply handled, and announces it in the same transaction; handling it again changes nothing. */
    @Transactional
    public PatientReply handled(String clinicId, UUID replyId, String by) {
        PatientReply reply = find(clinicId, replyId);
        if (reply.state != ReplyState.HANDLED) {
            reply.state = ReplyState.HANDLED;
            reply.handledAt = clock.instant();
            reply.handledBy = by;
            reply.updatedAt = reply.handledAt;
            replies.handled(reply);
            outbox.handled(new PatientReplyHandled(reply.id, reply.clinicId, reply.bookingId, reply.urgent,
                    reply.handledAt));
        }
        return reply;
    }

    /**
     * Texts the patient through the normal path, and marks the reply handled.
     *
     * @return the id of the text among the booking's deliveries
     */
    @Transactional
    public UUID answer(String clinicId, UUID replyId, String text, String by) {
        PatientReply reply = find(clinicId, replyId);
        if (preferences.stopped(reply.phone, clinicId)) {
            throw new UnprocessableException(409, "Conflict",
                    "The patient opted out of texts (STOP); they have to opt in again (START) before you can text them.",
                    List.of());
        }
        UUID sent = messages.text(reply, text, "staff-reply");
        handled(clinicId, replyId, by);
        return sent;
    }

    private PatientReply find(String clinicId, UUID replyId) {
        return replies.inClinic(clinicId, replyId)
                .orElseThrow(() -> new NotFoundProblem("No reply " + replyId + " in the inbox of " + clinicId + "."));
    }

    /** Opaque to clients: the position of the last entry of the page (and its urgency, when urgent ones lead). */
    static String encode(PatientReply last, boolean urgentFirst) {
        String position = last.receivedAt.toString() + "|" + last.id + (urgentFirst ? "|" + last.urgent : "");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static PatientReplyRepository.Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            Boolean urgent = parts.length > 2 ? Boolean.valueOf(parts[2]) : null;
            return new PatientReplyRepository.Position(Instant.parse(parts[0]), UUID.fromString(parts[1]), urgent);
        } catch (RuntimeException e) {
            throw new UnprocessableException(400, "Bad Request", "The cursor is not one this inbox gave out.",
                    List.of(new Problem.FieldError("cursor", "not a cursor from a previous page")));
        }
    }
}
