package io.aftercare.console.rest;

import java.net.URI;
import java.util.Locale;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aftercare.console.security.SessionAuthenticationMechanism;
import io.aftercare.console.service.SessionStore;
import io.quarkus.qute.TemplateInstance;

/** Answers of the console's pages: a rendered page, a redirect after a form, the session cookie. */
final class Html {

    static final MediaType TYPE = MediaType.valueOf("text/html;charset=UTF-8");

    private Html() {
    }

    static Response page(int status, TemplateInstance page, String lang) {
        return Response.status(status)
                .type(TYPE)
                .header("Cache-Control", "no-store")
                .entity(page.setLocale(Locale.forLanguageTag(lang)).render())
                .build();
    }

    /** 303 after a form: the browser GETs the next page, and reloading it posts nothing again. */
    static Response.ResponseBuilder seeOther(String path, String lang) {
        String separator = path.contains("?") ? "&" : "?";
        return Response.seeOther(URI.create(path + separator + "lang=" + lang)).header("Cache-Control", "no-store");
    }

    /** {@code __Host-} with Secure and Path=/, HttpOnly, SameSite=Strict; the server ends it at 12 h regardless. */
    static String sessionCookie(SessionStore.NewSession session, long maxAgeSeconds) {
        return SessionAuthenticationMechanism.COOKIE + "=" + session.token() + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; Secure; HttpOnly; SameSite=Strict";
    }

    static String clearedCookie() {
        return SessionAuthenticationMechanism.COOKIE + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict";
    }
}
