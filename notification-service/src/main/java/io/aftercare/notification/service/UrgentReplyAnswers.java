package io.aftercare.notification.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.notification.PatientReply;
import io.aftercare.notification.config.RepliesConfig;
import io.aftercare.notification.repository.PatientReplyRepository;

/**
 * Answers an urgent reply at once, in the patient's language ({@code aftercare.replies.urgent-answer}), once per
 * conversation ({@code aftercare.replies.conversation}): the clinic has been told, and in an emergency the patient
 * calls the emergency number. Ordinary replies get no automatic answer: a person at the clinic reads them.
 */
@ApplicationScoped
public class UrgentReplyAnswers {

    private final PatientReplyRepository replies;
    private final PatientMessages messages;
    private final RepliesConfig config;

    public UrgentReplyAnswers(PatientReplyRepository replies, PatientMessages messages, RepliesConfig config) {
        this.replies = replies;
        this.messages = messages;
        this.config = config;
    }

    /** Marks the reply answered when it answers it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answerIfFirst(PatientReply reply) {
        if (reply.urgent && !replies.urgentAnswerSentSince(reply.bookingId,
                reply.receivedAt.minus(config.conversation()))) {
            messages.text(reply, answer(reply.language), "urgent-answer");
            reply.answeredAt = reply.receivedAt;
            replies.answered(reply);
        }
    }

    private String answer(String language) {
        Map<String, String> answers = config.urgentAnswer();
        return answers.getOrDefault(language, answers.get("en"));
    }
}
