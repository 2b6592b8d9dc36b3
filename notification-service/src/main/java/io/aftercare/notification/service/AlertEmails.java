package io.aftercare.notification.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.provider.EmailSender;
import io.aftercare.notification.provider.SendResult;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Emails alerts about urgent replies, after they are committed, the same way for a clinic's ({@link ReplyAlerts}) and
 * the operator's ({@link UnroutedReplyAlerts}): the pending ones are read in a transaction of their own, each is
 * emailed with no transaction open (none waits for SMTP), and its outcome is recorded in another, so that a reply is
 * marked alerted only once the SMTP server took the email: a crash or an outage delays an alert but never loses it
 * (it may then go twice).
 */
@ApplicationScoped
public class AlertEmails {

    private static final Logger LOG = Logger.getLogger(AlertEmails.class);

    /** @param to where it goes; empty when there is nowhere to send it, which counts as sent */
    public record Alert(UUID replyId, Optional<String> to, String subject, String body) {
    }

    private final EmailSender email;
    private final NotificationMetrics metrics;

    public AlertEmails(EmailSender email, NotificationMetrics metrics) {
        this.email = email;
        this.metrics = metrics;
    }

    /**
     * A run of a scheduler: what fails is logged and tried again at its next run.
     *
     * @param what the scheduler, for the log
     * @param pending the alerts due, read in a transaction of their own
     * @param outcome records whether each was sent, in a transaction of its own
     */
    public void send(String what, Supplier<List<Alert>> pending, BiConsumer<Alert, Boolean> outcome) {
        try {
            sendAll(pending, outcome);
        } catch (RuntimeException e) {
            LOG.warnf("%s: %s; trying again shortly", what, e.toString());
        }
    }

    private void sendAll(Supplier<List<Alert>> pending, BiConsumer<Alert, Boolean> outcome) {
        for (Alert alert : QuarkusTransaction.requiringNew().call(pending::get)) {
            boolean sent = alert.to().map(to -> email.send(to, alert.subject(), alert.body(), alert.replyId()
                    .toString()) instanceof SendResult.Sent).orElse(true);
            metrics.replyAlert(sent ? "sent" : "failed");
            QuarkusTransaction.requiringNew().run(() -> outcome.accept(alert, sent));
        }
    }
}
