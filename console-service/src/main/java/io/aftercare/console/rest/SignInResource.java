package io.aftercare.console.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aftercare.console.config.ConsoleConfig;
import io.aftercare.console.service.ConsoleAudit;
import io.aftercare.console.service.SignIns;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.HttpServerRequest;

/** The sign-in page and form: email and password, then a session cookie and the console's landing page. */
@Path("/sign-in")
public class SignInResource {

    private final SignIns signIns;
    private final ConsoleAudit audit;
    private final ConsoleConfig config;

    public SignInResource(SignIns signIns, ConsoleAudit audit, ConsoleConfig config) {
        this.signIns = signIns;
        this.audit = audit;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("lang") String lang, @QueryParam("done") String done,
            @Context HttpHeaders headers) {
        String language = Language.pick(lang, headers);
        ConsoleMessages msg = messages(language);
        String notice = "password".equals(done) ? msg.passwordSaved() : "out".equals(done) ? msg.signedOut() : null;
        return Html.page(200, Pages.signIn(language, "", null, notice), language);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("email") String email, @FormParam("password") String password,
            @FormParam("lang") String lang, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        String language = Language.pick(lang, headers);
        String source = source(request);
        SignIns.Attempt attempt = signIns.signIn(email, password, source);
        ConsoleMessages msg = messages(language);
        String typed = email == null || email.length() > 254 ? "" : email.strip();
        switch (attempt.result()) {
            case SIGNED_IN -> {
                audit.signIn(attempt.user(), 303, source);
                return Html.seeOther("/", language)
                        .header("Set-Cookie", Html.sessionCookie(attempt.session(),
                                config.sessions().absoluteTimeout().toSeconds()))
                        .build();
            }
            case THROTTLED -> {
                audit.signIn(attempt.user(), 429, source);
                long seconds = Math.max(1, (attempt.retryAfter().toMillis() + 999) / 1000);
                return Response.fromResponse(Html.page(429, Pages.signIn(language, typed, msg.tooManyAttempts(),
                        null), language)).header("Retry-After", Long.toString(seconds)).build();
            }
            default -> {
                audit.signIn(attempt.user(), 401, source);
                return Html.page(401, Pages.signIn(language, typed, msg.signInRefused(), null), language);
            }
        }
    }

    static ConsoleMessages messages(String language) {
        return MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(language));
    }

    static String source(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().host();
    }
}
