package io.aftercare.notification.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.config.ClinicContacts;
import io.aftercare.notification.repository.ClinicProfileRepository;
import io.aftercare.notification.repository.SmsConversations;

/**
 * The answer to HELP: it names the clinic that texted the patient from the sender they asked, and no other (a clinic
 * that only booked the number is not the one the patient is talking to); without such a clinic, the deployment's text.
 */
@ApplicationScoped
public class HelpAnswers {

    private final ClinicContacts contacts;
    private final ClinicProfileRepository profiles;

    public HelpAnswers(ClinicContacts contacts, ClinicProfileRepository profiles) {
        this.contacts = contacts;
        this.profiles = profiles;
    }

    public String answer(Keywords.Keyword keyword, Optional<SmsConversations.Conversation> conversation) {
        // AYUDA is answered in Spanish; HELP in the language the patient's texts are in.
        String language = "es".equals(keyword.language())
                ? "es"
                : conversation.map(SmsConversations.Conversation::locale).orElse("en");
        // The clinic's own text from its profile, when it has one in that language, says it all (who the clinic is,
        // how to reach it); else the deployment's text with the configured contact.
        Optional<String> clinicText = conversation.flatMap(c -> profiles.helpText(c.clinicId(), language));
        if (clinicText.isPresent()) {
            return clinicText.get();
        }
        String contact = conversation.map(c -> contacts.clinicContacts().get(c.clinicId())).orElse(null);
        String text = contacts.text(language);
        return contact == null ? text : text + " " + contact;
    }
}
