package io.aftercare.console.rest;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

/** The console speaks English and Spanish: a {@code lang} parameter chooses, else the browser's Accept-Language. */
public final class Language {

    public static final List<String> SUPPORTED = List.of("en", "es");

    private Language() {
    }

    /** {@code en} or {@code es}. */
    public static String pick(String lang, HttpHeaders headers) {
        if (lang != null && SUPPORTED.contains(lang)) {
            return lang;
        }
        if (headers != null) {
            for (Locale locale : headers.getAcceptableLanguages()) {
                if (SUPPORTED.contains(locale.getLanguage())) {
                    return locale.getLanguage();
                }
            }
        }
        return "en";
    }
}
