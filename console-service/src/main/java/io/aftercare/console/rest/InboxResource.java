package io.aftercare.console.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.aftercare.console.Role;
import io.aftercare.console.client.NotificationUnavailable;
import io.aftercare.console.listener.InboxWatchers;
import io.aftercare.console.model.InboxSignal;
import io.aftercare.console.security.CsrfCheck;
import io.aftercare.console.service.ConsoleAudit;
import io.aftercare.console.service.Person;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.UnprocessableException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;

/**
 * The clinic's inbox (staff and clinic admins): its replies, urgent first, then newest; a reply's conversation and the
 * answer box; mark handled, assign to me; and the live stream that brings new replies within seconds. Everything is
 * read and done through notification as the signed-in person, in their own clinic: another clinic's reply ids are not
 * found (404). Every read of patient data is one line of the console's audit trail, every change too; every change
 * needs the session's CSRF token.
 */
@Path("/inbox")
@RolesAllowed({Role.STAFF, Role.CLINIC_ADMIN})
public class InboxResource {

    private final SecurityIdentity identity;
    private final InboxDesk desk;
    private final InboxWatchers watchers;
    private final ConsoleAudit audit;

    public InboxResource(SecurityIdentity identity, InboxDesk desk, InboxWatchers watchers, ConsoleAudit audit) {
        this.identity = identity;
        this.desk = desk;
        this.watchers = watchers;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("state") String state, @QueryParam("cursor") String cursor,
            @QueryParam("done") String done, @QueryParam("lang") String lang, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        Person person = Person.of(identity);
        String language = Language.pick(lang, headers);
        String shown = "handled".equals(state) ? "handled" : "open";
        String from = cursor == null || cursor.isBlank() || cursor.length() > 200 ? null : cursor;
        InboxDesk.Listing listing = desk.list(person, shown, from);
        audit.byPerson(person, "GET", "/inbox", 200, SignInResource.source(request));
        InboxViews.ListView view = InboxViews.list(listing, person, shown, from, language, notice(done, language));
        return Html.page(200, InboxPages.list(language, person, view), language);
    }

    @GET
    @Path("{replyId}")
    @Produces(MediaType.TEXT_HTML)
    public Response reply(@PathParam("replyId") String replyId, @QueryParam("done") String done,
            @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        String language = Language.pick(lang, headers);
        return replyPage(200, idOf(replyId), language, "", notice(done, language), null, request);
    }

    /** One reply's card alone, for the live script to put in the list. */
    @GET
    @Path("{replyId}/card")
    @Produces(MediaType.TEXT_HTML)
    public Response card(@PathParam("replyId") String replyId, @QueryParam("lang") String lang,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Person person = Person.of(identity);
        String language = Language.pick(lang, headers);
        UUID id = idOf(replyId);
        ReplyCard card = ReplyCard.of(desk.one(person, id), desk.names(person.clinicId()), person,
                InboxViews.messages(language).patient());
        audit.byPerson(person, "GET", "/inbox/" + id, 200, SignInResource.source(request));
        return Html.page(200, InboxPages.card(language, person, card), language);
    }

    /** The live inbox of the person's clinic: new and changed replies' ids, and the open counts, as they happen. */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<InboxSignal> events() {
        return watchers.watch(Person.of(identity));
    }

    @POST
    @Path("{replyId}/handled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response handled(@PathParam("replyId") String replyId, @FormParam("csrf") String csrf,
            @FormParam("from") String from, @FormParam("lang") String lang, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        Person person = CsrfCheck.verified(identity, csrf);
        UUID id = idOf(replyId);
        desk.handled(person, id);
        audit.byPerson(person, "POST", "/inbox/" + id + "/handled", 303, SignInResource.source(request));
        return Html.seeOther(back(from, id) + "done=handled", Language.pick(lang, headers)).build();
    }

    @POST
    @Path("{replyId}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("replyId") String replyId, @FormParam("csrf") String csrf,
            @FormParam("from") String from, @FormParam("lang") String lang, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        Person person = CsrfCheck.verified(identity, csrf);
        UUID id = idOf(replyId);
        desk.assign(person, id);
        audit.byPerson(person, "POST", "/inbox/" + id + "/assign", 303, SignInResource.source(request));
        return Html.seeOther(back(from, id) + "done=assigned", Language.pick(lang, headers)).build();
    }

    /** Texts the patient; a refused answer (empty, too long, opted out) shows the page again with the text kept. */
    @POST
    @Path("{replyId}/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response answer(@PathParam("replyId") String replyId, @FormParam("csrf") String csrf,
            @FormParam("text") String text, @FormParam("lang") String lang, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        Person person = CsrfCheck.verified(identity, csrf);
        UUID id = idOf(replyId);
        String language = Language.pick(lang, headers);
        String typed = text == null ? "" : text;
        try {
            desk.answer(person, id, typed);
        } catch (UnprocessableException e) {
            audit.byPerson(person, "POST", "/inbox/" + id + "/reply", e.status(), SignInResource.source(request));
            return replyPage(e.status(), id, language, typed, null, refusal(e, typed, language), request);
        }
        audit.byPerson(person, "POST", "/inbox/" + id + "/reply", 303, SignInResource.source(request));
        return Html.seeOther("/inbox/" + id + "?done=sent", language).build();
    }

    @ServerExceptionMapper
    public Response signInFirst(UnauthorizedException e) {
        return Html.seeOther("/sign-in", "en").build();
    }

    /** Another clinic's reply, a made-up id, or none at all: the same 404 page. */
    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e, UriInfo uri, HttpHeaders headers) {
        String language = Language.pick(uri.getQueryParameters().getFirst("lang"), headers);
        return Html.page(404, InboxPages.problem(language, InboxViews.messages(language).notFound()), language);
    }

    @ServerExceptionMapper({NotificationUnavailable.class, ProcessingException.class})
    public Response unavailable(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        String language = Language.pick(uri.getQueryParameters().getFirst("lang"), headers);
        return Html.page(502, InboxPages.problem(language, InboxViews.messages(language).unavailable()), language);
    }

    private Response replyPage(int status, UUID id, String language, String text, String notice, String error,
            HttpServerRequest request) {
        Person person = Person.of(identity);
        InboxViews.ReplyView view = InboxViews.reply(desk.conversation(person, id), desk.names(person.clinicId()),
                person, language, text, notice, error);
        audit.byPerson(person, "GET", "/inbox/" + id, 200, SignInResource.source(request));
        return Html.page(status, InboxPages.reply(language, person, view), language);
    }

    private static String refusal(UnprocessableException e, String text, String language) {
        InboxMessages msg = InboxViews.messages(language);
        if (e.status() == 409) {
            return msg.optedOut();
        }
        return text.isBlank() ? msg.answerBlank() : msg.answerTooLong(text.length());
    }

    private static String notice(String done, String language) {
        InboxMessages msg = InboxViews.messages(language);
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "sent" -> msg.sent();
            case "handled" -> msg.markedHandled();
            case "assigned" -> msg.assigned();
            default -> null;
        };
    }

    /** Back where the form was: the reply's page, or the list (no other place: not an open redirect). */
    private static String back(String from, UUID id) {
        return "reply".equals(from) ? "/inbox/" + id + "?" : "/inbox?";
    }

    /** A malformed id names no reply, as an unknown one does. */
    private static UUID idOf(String replyId) {
        try {
            return UUID.fromString(replyId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundProblem("No such reply in your clinic's inbox.");
        }
    }
}
