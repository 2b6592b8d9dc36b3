package io.aftercare.notification.service;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.notification.UnroutedReply;
import io.aftercare.notification.config.RepliesConfig;
import io.aftercare.notification.repository.UnroutedReplyRepository;
import io.aftercare.notification.service.AlertEmails.Alert;
import io.quarkus.scheduler.Scheduled;

/**
 * Emails the operator's alert address ({@code aftercare.replies.default-alert-email}) about each urgent reply that no
 * clinic could be given, after it is committed, through {@link AlertEmails} as {@link ReplyAlerts} does for a clinic's:
 * marked alerted only once the SMTP server took it.
 */
@ApplicationScoped
public class UnroutedReplyAlerts {

    private static final Logger LOG = Logger.getLogger(UnroutedReplyAlerts.class);
    private static final int BATCH = 100;

    private final UnroutedReplyRepository replies;
    private final AlertEmails alerts;
    private final RepliesConfig config;
    private final Clock clock;
    /** Runs on one scheduler thread at a time (SKIP), so a plain flag. */
    private boolean warned;

    public UnroutedReplyAlerts(UnroutedReplyRepository replies, AlertEmails alerts, RepliesConfig config,
            Clock clock) {
        this.replies = replies;
        this.alerts = alerts;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${aftercare.replies.outbox-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        alerts.send("unrouted reply alerts", this::pending, (alert, sent) -> {
            if (sent) {
                replies.alerted(alert.replyId(), clock.instant());
            }
        });
    }

    private List<Alert> pending() {
        List<UnroutedReply> pending = replies.unalerted(BATCH);
        if (pending.isEmpty()) {
            return List.of();
        }
        if (config.defaultAlertEmail().isEmpty()) {
            // They stay unalerted, so that setting the address later still sends them; said once, not every second.
            if (!warned) {
                LOG.warnf("urgent unrouted replies wait in the operator's queue, and no alert address is set"
                        + " (aftercare.replies.default-alert-email)");
                warned = true;
            }
            return List.of();
        }
        return pending.stream().map(reply -> alertFor(reply, config.defaultAlertEmail().get())).toList();
    }

    /** Never the patient's words, which stay in the queue. */
    private static Alert alertFor(UnroutedReply reply, String to) {
        String subject = "Urgent reply that no clinic could be given";
        String body = "A text from a number that no clinic texted from " + reply.sender + " arrived at "
                + DateTimeFormatter.ISO_INSTANT.format(reply.receivedAt) + ", and it reads as urgent: "
                + reply.urgentReason + ".\n\nRead it in the operator's queue: GET /v1/ops/unrouted-replies (reply "
                + reply.id + "), and pass it to the clinic that cares for the patient.";
        return new Alert(reply.id, Optional.of(to), subject, body);
    }
}
