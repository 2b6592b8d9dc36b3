package io.aftercare.notification.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.aftercare.notification.PatientReply;
import io.aftercare.notification.metrics.NotificationMetrics;
import io.aftercare.notification.repository.SmsConversations;

/**
 * What a patient wrote (not a keyword) to the clinic whose text they answered, under the booking that texted them last
 * from that sender ({@link io.aftercare.notification.repository.SmsConversations}), in one transaction: read
 * ({@link ReplyTriage}: a check-in answer is kept with it; an answer of 4 or 5, or a red-flag word, makes it urgent),
 * filed in the clinic's inbox ({@link ReplyFiling}), announced ({@link ReplyAnnouncements}), and, when urgent,
 * answered once per conversation ({@link UrgentReplyAnswers}); the clinic is alerted after commit
 * ({@link ReplyAlerts}). Ordinary replies get no automatic answer: a person at the clinic reads them.
 */
@ApplicationScoped
public class PatientReplies {

    private static final Logger LOG = Logger.getLogger(PatientReplies.class);

    private final ReplyTriage triage;
    private final ReplyFiling filing;
    private final ReplyAnnouncements announcements;
    private final UrgentReplyAnswers urgentAnswers;
    private final NotificationMetrics metrics;

    public PatientReplies(ReplyTriage triage, ReplyFiling filing, ReplyAnnouncements announcements,
            UrgentReplyAnswers urgentAnswers, NotificationMetrics metrics) {
        this.triage = triage;
        this.filing = filing;
        this.announcements = announcements;
        this.urgentAnswers = urgentAnswers;
        this.metrics = metrics;
    }

    /**
     * @param to the conversation the reply answers: the booking that texted the number from that sender last
     * @return the reply as filed, or empty when it was filed before
     */
    @Transactional
    public Optional<PatientReply> receive(String messageSid, String from, SmsConversations.Conversation to,
            String body) {
        ReplyReader.Reading reading = triage.forClinic(to.clinicId(), body, to.checkInAskedAt() != null);
        Optional<PatientReply> filed = filing.file(messageSid, from, to, body, reading);
        filed.ifPresent(reply -> {
            announcements.filed(reply);
            urgentAnswers.answerIfFirst(reply);
            metrics.reply(reply.checkInScore == null ? "free-text" : "check-in", reply.urgent);
            // The body is personal health information, and so is what it was read to say: neither is logged.
            LOG.infof("reply %s filed for booking %s of %s%s", reply.id, reply.bookingId, reply.clinicId,
                    reply.urgent ? " as urgent" : "");
        });
        return filed;
    }
}
