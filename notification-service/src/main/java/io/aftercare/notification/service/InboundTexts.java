package io.aftercare.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.notification.repository.OptOutRepository;
import io.aftercare.notification.repository.ProcessedWebhooks;
import io.aftercare.notification.repository.SmsConversations;

/**
 * What a patient texted us. Everything is routed by the conversation: the sender the patient answered ({@code To},
 * or the Messaging Service it belongs to) and, among the bookings that texted the number from it, the one that did
 * last. A number that no clinic texted from that sender routes to no clinic, however many clinics booked it: its
 * replies wait in the operator's unrouted queue, its HELP gets the deployment's answer.
 */
@ApplicationScoped
public class InboundTexts {

    private final ProcessedWebhooks processed;
    private final SmsConversations conversations;
    private final PatientReplies replies;
    private final UnroutedReplies unrouted;
    private final KeywordActions keywords;
    private final Clock clock;

    public InboundTexts(ProcessedWebhooks processed, SmsConversations conversations, PatientReplies replies,
            UnroutedReplies unrouted, KeywordActions keywords, Clock clock) {
        this.processed = processed;
        this.conversations = conversations;
        this.replies = replies;
        this.unrouted = unrouted;
        this.keywords = keywords;
        this.clock = clock;
    }

    /**
     * A keyword is for {@link KeywordActions}; anything else is a reply for the inbox of the clinic it answers, or,
     * when it answers none, for the operator's queue.
     *
     * @param to the number the patient texted
     * @param messagingService the Messaging Service that number belongs to, when the provider says so
     * @return the answer to text back at once (HELP), if any
     */
    @Transactional
    public Optional<String> receive(String messageSid, String from, String to, String messagingService, String body) {
        Instant now = clock.instant();
        if (!processed.firstTime("inbound:" + messageSid, now)) {
            return Optional.empty();
        }
        // Texts sent through a Messaging Service are recorded under its SID; the number alone identifies the others.
        List<String> answered = Stream.of(messagingService, to).filter(s -> s != null && !s.isBlank()).toList();
        String sender = answered.isEmpty() ? OptOutRepository.EVERY_SENDER : answered.get(0);
        Optional<SmsConversations.Conversation> conversation = conversations.latest(from, answered);
        Optional<Keywords.Keyword> keyword = Keywords.keyword(body);
        if (keyword.isEmpty()) {
            String text = body == null ? "" : body;
            conversation.ifPresentOrElse(answering -> replies.receive(messageSid, from, answering, text),
                    () -> unrouted.receive(messageSid, from, sender, text));
            return Optional.empty();
        }
        return keywords.act(keyword.get(), from, sender, body, conversation, now);
    }
}
