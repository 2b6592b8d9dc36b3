package io.aftercare.notification.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.notification.UnroutedReply;
import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.repository.UnroutedReplyRepository;

/**
 * Replies that no conversation claims: the number was never texted from the sender it answered, so no clinic is the
 * one the patient is talking to. They wait for the operator, read for red flags (an urgent one is emailed to the
 * operator's alert address by {@link UnroutedReplyAlerts}), and are never filed under a clinic that merely booked the
 * number, never announced on {@code patient-replies}, never answered automatically.
 */
@ApplicationScoped
public class UnroutedReplies {

    private static final Logger LOG = Logger.getLogger(UnroutedReplies.class);

    private final UnroutedReplyRepository replies;
    private final ReplyTriage triage;
    private final NotificationMetrics metrics;
    private final Clock clock;

    public UnroutedReplies(UnroutedReplyRepository replies, ReplyTriage triage, NotificationMetrics metrics,
            Clock clock) {
        this.replies = replies;
        this.triage = triage;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Joins the caller's transaction; a replayed message is queued once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(String messageSid, String from, String sender, String body) {
        ReplyReader.Reading reading = triage.unrouted(body);
        UnroutedReply reply = new UnroutedReply();
        reply.id = UUID.randomUUID();
        reply.messageSid = messageSid;
        reply.phone = from;
        reply.sender = sender;
        reply.body = body;
        reply.urgent = reading.urgent();
        reply.urgentReason = reading.reason().orElse(null);
        reply.receivedAt = clock.instant();
        if (replies.recordIfNew(reply)) {
            metrics.reply("unrouted", reply.urgent);
            LOG.infof("reply %s answers a sender that never texted its number; queued for the operator%s", reply.id,
                    reply.urgent ? " as urgent" : "");
        }
    }

    /** A page of the open queue, urgent first: one more than asked, so that the caller knows more follow. */
    @Transactional
    public List<UnroutedReply> open(int limit) {
        return replies.open(limit);
    }

    /** @return the entry as now marked handled, or empty when there is none with this id */
    @Transactional
    public Optional<UnroutedReply> handle(UUID id, String by) {
        Optional<UnroutedReply> found = replies.byId(id);
        found.filter(reply -> reply.handledAt == null).ifPresent(reply -> {
            reply.handledAt = clock.instant();
            reply.handledBy = by;
            replies.handled(reply);
        });
        return found;
    }
}
