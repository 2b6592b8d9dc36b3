package io.aftercare.notification.service;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.notification.repository.SmsConversations;

/**
 * Does what a keyword asks: STOP and START change the patient's preference for the sender they texted (STOP of a
 * shared sender stops that sender, as carriers do), HELP is answered at once.
 */
@ApplicationScoped
public class KeywordActions {

    private final TextPreferences preferences;
    private final HelpAnswers help;

    public KeywordActions(TextPreferences preferences, HelpAnswers help) {
        this.preferences = preferences;
        this.help = help;
    }

    /**
     * @param sender the sender the patient texted, or {@link io.aftercare.notification.repository.OptOutRepository#EVERY_SENDER}
     * @param conversation the conversation the text answers, if any
     * @return the answer to text back at once (HELP), if any
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> act(Keywords.Keyword keyword, String from, String sender, String body,
            Optional<SmsConversations.Conversation> conversation, Instant now) {
        switch (keyword.intent()) {
            case OPT_OUT -> {
                preferences.stop(from, sender, body.trim().toUpperCase(Locale.ROOT), now);
                return Optional.empty();
            }
            case OPT_IN -> {
                preferences.start(from, sender, now);
                return Optional.empty();
            }
            default -> {
                return Optional.of(help.answer(keyword, conversation));
            }
        }
    }
}
