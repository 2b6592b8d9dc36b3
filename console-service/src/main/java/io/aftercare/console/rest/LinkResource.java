package io.aftercare.console.rest;

import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aftercare.console.service.ConsoleAudit;
import io.aftercare.console.service.OneTimeLinks;
import io.aftercare.problem.NotFoundProblem;
import io.vertx.core.http.HttpServerRequest;

/**
 * A one-time link from an invitation or a reset: the page to choose a password, under the policy. The link works
 * once, for 72 hours, and only the newest of a person's links works. The token is in the path; every answer carries
 * {@code Referrer-Policy: no-referrer}, so it does not leak to another site.
 */
@Path("/links/{token}")
public class LinkResource {

    private final OneTimeLinks links;
    private final ConsoleAudit audit;

    public LinkResource(OneTimeLinks links, ConsoleAudit audit) {
        this.links = links;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("token") String token, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        String language = Language.pick(lang, headers);
        Optional<OneTimeLinks.LinkHolder> holder = links.openLink(token);
        if (holder.isEmpty()) {
            return Html.page(404, Pages.linkInvalid(language), language);
        }
        return Html.page(200, Pages.link(language, token, holder.get().user().email, null), language);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response choose(@PathParam("token") String token, @FormParam("password") String password,
            @FormParam("confirm") String confirm, @FormParam("lang") String lang, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        String language = Language.pick(lang, headers);
        ConsoleMessages msg = SignInResource.messages(language);
        Optional<OneTimeLinks.LinkHolder> holder = links.openLink(token);
        if (holder.isEmpty()) {
            return Html.page(404, Pages.linkInvalid(language), language);
        }
        String email = holder.get().user().email;
        if (password == null || !password.equals(confirm)) {
            return Html.page(400, Pages.link(language, token, email, msg.passwordsDiffer()), language);
        }
        OneTimeLinks.LinkHolder chosen;
        try {
            chosen = links.choosePassword(token, password);
        } catch (OneTimeLinks.PasswordRefused e) {
            String error = switch (e.refusal()) {
                case TOO_SHORT -> msg.passwordTooShort();
                case TOO_LONG -> msg.passwordTooLong();
                case COMMON -> msg.passwordCommon();
                case CONTAINS_EMAIL -> msg.passwordContainsEmail();
            };
            return Html.page(400, Pages.link(language, token, email, error), language);
        } catch (NotFoundProblem e) {
            return Html.page(404, Pages.linkInvalid(language), language);
        }
        audit.passwordChosen(chosen.user(), chosen.purpose(), 303, SignInResource.source(request));
        return Html.seeOther("/sign-in?done=password", language).build();
    }

}
