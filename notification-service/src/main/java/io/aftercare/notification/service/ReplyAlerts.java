package io.aftercare.notification.service;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.notification.PatientReply;
import io.aftercare.notification.config.RepliesConfig;
import io.aftercare.notification.repository.ClinicProfileRepository;
import io.aftercare.notification.repository.PatientReplyRepository;
import io.aftercare.notification.service.AlertEmails.Alert;
import io.quarkus.scheduler.Scheduled;

/**
 * Emails the clinic about each urgent reply, after it is committed, through {@link AlertEmails}: marked alerted once
 * the SMTP server took the email, never before. (The {@code patient-replies} event leaves through the event outbox.)
 */
@ApplicationScoped
public class ReplyAlerts {

    private static final Logger LOG = Logger.getLogger(ReplyAlerts.class);
    private static final int BATCH = 100;

    private final PatientReplyRepository replies;
    private final AlertEmails alerts;
    private final RepliesConfig config;
    private final ClinicProfileRepository profiles;
    private final Clock clock;

    public ReplyAlerts(PatientReplyRepository replies, AlertEmails alerts, RepliesConfig config,
            ClinicProfileRepository profiles, Clock clock) {
        this.replies = replies;
        this.alerts = alerts;
        this.config = config;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Every second: the clinic hears of an urgent reply within seconds. */
    @Scheduled(every = "${aftercare.replies.outbox-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        alerts.send("reply alerts", () -> replies.unalerted(BATCH).stream().map(this::alertFor).toList(),
                this::record);
    }

    private void record(Alert alert, boolean sent) {
        // Gone when retention deleted it meanwhile: nothing left to mark.
        replies.byId(alert.replyId()).ifPresent(reply -> {
            if (sent) {
                reply.alertedAt = clock.instant();
            } else if (reply.alertAttempts++ == 0) {
                LOG.warnf("the alert for urgent reply %s could not be emailed; retrying", alert.replyId());
            }
            replies.alerted(reply);
        });
    }

    /** Says what the clinic needs to act, and where to read it; never the patient's words, which stay in the inbox. */
    private Alert alertFor(PatientReply reply) {
        // The clinic's profile first; the deployment's per-clinic setting and default for clinics without one.
        Optional<String> to = profiles.alertEmail(reply.clinicId)
                .or(() -> Optional.ofNullable(config.alertEmails().get(reply.clinicId)))
                .or(config::defaultAlertEmail);
        if (to.isEmpty()) {
            LOG.warnf("no alert address for clinic %s: urgent reply %s is only in its inbox and on patient-replies",
                    reply.clinicId, reply.id);
        }
        String booking = reply.bookingRef == null ? reply.bookingId.toString() : reply.bookingRef;
        String subject = "Urgent reply from a patient (booking " + booking + ")";
        String body = "A patient of booking " + booking + " replied at "
                + DateTimeFormatter.ISO_INSTANT.format(reply.receivedAt) + ", and the reply needs you: "
                + reply.urgentReason + ".\n\n"
                + "Read it and answer in your inbox: GET /v1/clinics/" + reply.clinicId + "/inbox?state=open (reply "
                + reply.id + ").\n\n"
                + (reply.answeredAt != null
                        ? "The patient was told that you have been informed, and to call the emergency number in an "
                                + "emergency."
                        : "The patient was already answered earlier in this conversation.");
        return new Alert(reply.id, to, subject, body);
    }
}
