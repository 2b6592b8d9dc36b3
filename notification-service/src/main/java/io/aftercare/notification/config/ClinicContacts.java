package io.aftercare.notification.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * The answer to HELP, and how each clinic can be reached:
 * {@code aftercare.help.clinic-contacts."clinic-a"=call +34 900 000 000}.
 */
@ConfigMapping(prefix = "aftercare.help")
public interface ClinicContacts {

    /** The answer to HELP in English, the default. */
    String text();

    /** The answer in other languages, by language ({@code aftercare.help.texts.es}). */
    Map<String, String> texts();

    Map<String, String> clinicContacts();

    /** The answer in the language given, else in English. */
    default String text(String language) {
        return texts().getOrDefault(language, text());
    }
}
