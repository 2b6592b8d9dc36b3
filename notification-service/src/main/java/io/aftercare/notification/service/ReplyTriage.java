package io.aftercare.notification.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.config.RepliesConfig;

/**
 * Reads what a patient wrote with the red-flag words in force: every language's ({@code aftercare.replies.red-flags}),
 * and, for a reply that answers a clinic, that clinic's own ({@code aftercare.replies.clinic-red-flags}).
 */
@ApplicationScoped
public class ReplyTriage {

    private final RepliesConfig config;

    public ReplyTriage(RepliesConfig config) {
        this.config = config;
    }

    /** @param checkInAsked whether the conversation asked the check-in question; only then is a number a score */
    public ReplyReader.Reading forClinic(String clinicId, String body, boolean checkInAsked) {
        List<String> words = everyLanguage();
        words.addAll(config.clinicRedFlags().getOrDefault(clinicId, List.of()));
        return new ReplyReader(words).read(body, checkInAsked);
    }

    /** A reply no clinic is given: no check-in question was asked from its sender, so a bare digit is not a score. */
    public ReplyReader.Reading unrouted(String body) {
        return new ReplyReader(everyLanguage()).read(body, false);
    }

    private List<String> everyLanguage() {
        List<String> words = new ArrayList<>();
        config.redFlags().values().forEach(words::addAll);
        return words;
    }
}
