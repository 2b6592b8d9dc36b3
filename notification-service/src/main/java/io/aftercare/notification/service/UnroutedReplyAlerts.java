package io.aftercare.notification.service;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.notification.UnroutedReply;
import io.aftercare.notification.config.RepliesConfig;
import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.provider.EmailSender;
import io.aftercare.notification.provider.SendResult;
import io.aftercare.notification.repository.UnroutedReplyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Emails the operator's alert address ({@code aftercare.replies.default-alert-email}) about each urgent reply that no
 * clinic could be given, after it is committed, as {@link ReplyAlerts} does for a clinic's: marked alerted only once
 * the SMTP server took it. Never the patient's words, which stay in the queue.
 */
@ApplicationScoped
public class UnroutedReplyAlerts {

    private static final Logger LOG = Logger.getLogger(UnroutedReplyAlerts.class);
    private static final int BATCH = 100;

    private final UnroutedReplyRepository replies;
    private final EmailSender email;
    private final RepliesConfig config;
    private final NotificationMetrics metrics;
    private final Clock clock;
    /** Runs on one scheduler thread at a time (SKIP), so a plain flag. */
    private boolean warned;

    public UnroutedReplyAlerts(UnroutedReplyRepository replies, EmailSender email, RepliesConfig config,
            NotificationMetrics metrics, Clock clock) {
        this.replies = replies;
        this.email = email;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${aftercare.replies.outbox-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        try {
            alert();
        } catch (RuntimeException e) {
            LOG.warnf("unrouted reply alerts: %s; trying again shortly", e.toString());
        }
    }

    void alert() {
        List<UnroutedReply> pending = QuarkusTransaction.requiringNew().call(() -> replies.unalerted(BATCH));
        if (pending.isEmpty()) {
            return;
        }
        if (config.defaultAlertEmail().isEmpty()) {
            // They stay unalerted, so that setting the address later still sends them; said once, not every second.
            if (!warned) {
                LOG.warnf("urgent unrouted replies wait in the operator's queue, and no alert address is set"
                        + " (aftercare.replies.default-alert-email)");
                warned = true;
            }
            return;
        }
        String to = config.defaultAlertEmail().get();
        for (UnroutedReply reply : pending) {
            String subject = "Urgent reply that no clinic could be given";
            String body = "A text from a number that no clinic texted from " + reply.sender + " arrived at "
                    + DateTimeFormatter.ISO_INSTANT.format(reply.receivedAt) + ", and it reads as urgent: "
                    + reply.urgentReason + ".\n\nRead it in the operator's queue: GET /v1/ops/unrouted-replies (reply "
                    + reply.id + "), and pass it to the clinic that cares for the patient.";
            boolean sent = email.send(to, subject, body, reply.id.toString()) instanceof SendResult.Sent;
            metrics.replyAlert(sent ? "sent" : "failed");
            if (sent) {
                QuarkusTransaction.requiringNew().run(() -> replies.findById(reply.id).alertedAt = clock.instant());
            }
        }
    }
}
