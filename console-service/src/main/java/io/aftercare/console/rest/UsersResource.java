package io.aftercare.console.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.aftercare.console.OneTimeLink;
import io.aftercare.console.Role;
import io.aftercare.console.security.CsrfCheck;
import io.aftercare.console.service.InviteMail;
import io.aftercare.console.service.OneTimeLinks;
import io.aftercare.console.service.People;
import io.aftercare.console.service.Person;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.Problem;
import io.aftercare.problem.UnprocessableException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A clinic admin's page of their clinic's people: the list, inviting someone (an email with a one-time link),
 * disabling a person and resetting a password. Only clinic admins (403 for staff), only their own clinic: a person of
 * another clinic is not found (404), whatever id is guessed. Every change needs the session's CSRF token.
 */
@Path("/users")
@RolesAllowed(Role.CLINIC_ADMIN)
public class UsersResource {

    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final SecurityIdentity identity;
    private final People people;
    private final InviteMail mail;

    public UsersResource(SecurityIdentity identity, People people, InviteMail mail) {
        this.identity = identity;
        this.people = people;
        this.mail = mail;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("lang") String lang, @QueryParam("invited") String invited,
            @QueryParam("done") String done, @Context HttpHeaders headers) {
        String language = Language.pick(lang, headers);
        ConsoleMessages msg = SignInResource.messages(language);
        String notice = invited != null && invited.length() <= 254
                ? msg.invitationSent(invited)
                : done != null ? msg.done() : null;
        return page(200, language, notice, List.of(), "", "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response invite(@FormParam("csrf") String csrf, @FormParam("email") String email,
            @FormParam("displayName") String displayName, @FormParam("role") String role,
            @FormParam("lang") String lang, @Context HttpHeaders headers) {
        Person admin = CsrfCheck.verified(identity, csrf);
        String language = Language.pick(lang, headers);
        OneTimeLinks.Invitation invitation;
        try {
            invitation = people.invite(admin.clinicId(), email, displayName, role);
        } catch (UnprocessableException e) {
            List<String> errors = e.errors().stream().map(error -> fieldError(error, language)).toList();
            return page(e.status(), language, null, errors, email == null ? "" : email,
                    displayName == null ? "" : displayName);
        }
        boolean sent = send(invitation, language);
        if (!sent) {
            return page(502, language, null, List.of(SignInResource.messages(language).mailFailed()), "", "");
        }
        return Html.seeOther("/users?invited=" + URLEncoder.encode(invitation.user().email, StandardCharsets.UTF_8),
                language).build();
    }

    @POST
    @Path("{userId}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("userId") String userId, @FormParam("csrf") String csrf,
            @FormParam("lang") String lang, @Context HttpHeaders headers) {
        Person admin = CsrfCheck.verified(identity, csrf);
        UUID id = idOf(userId);
        people.disable(admin, id);
        return Html.seeOther("/users?done=disabled", Language.pick(lang, headers)).build();
    }

    @POST
    @Path("{userId}/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@PathParam("userId") String userId, @FormParam("csrf") String csrf,
            @FormParam("lang") String lang, @Context HttpHeaders headers) {
        Person admin = CsrfCheck.verified(identity, csrf);
        UUID id = idOf(userId);
        String language = Language.pick(lang, headers);
        OneTimeLinks.Invitation invitation = people.reset(admin, id);
        boolean sent = send(invitation, language);
        if (!sent) {
            return page(502, language, null, List.of(SignInResource.messages(language).mailFailed()), "", "");
        }
        return Html.seeOther("/users?done=reset", language).build();
    }

    @ServerExceptionMapper
    public Response signInFirst(UnauthorizedException e) {
        return Html.seeOther("/sign-in", "en").build();
    }

    /** @return whether the email went out; the person and their link exist either way */
    private boolean send(OneTimeLinks.Invitation invitation, String language) {
        ConsoleMessages msg = SignInResource.messages(language);
        String expires = EXPIRES.format(invitation.expiresAt());
        boolean reset = OneTimeLink.RESET.equals(invitation.purpose());
        String name = invitation.user().displayName;
        String clinic = invitation.user().clinicId;
        String text = msg.mailGreeting(name) + "\n\n"
                + (reset ? msg.resetBody(clinic, expires) : msg.inviteBody(clinic, expires)) + "\n\n"
                + invitation.link() + "\n" + (reset ? "" : "\n" + msg.inviteIgnore() + "\n");
        return mail.send(invitation.user().email, reset ? msg.resetSubject() : msg.inviteSubject(), text);
    }

    private Response page(int status, String language, String notice, List<String> errors, String email,
            String displayName) {
        Person admin = Person.of(identity);
        return Html.page(status, Pages.users(language, admin, people.ofClinic(admin.clinicId()), notice, errors,
                email, displayName), language);
    }

    /** A refused field by its label on the form, with its error in the page's language. */
    private static String fieldError(Problem.FieldError error, String language) {
        ConsoleMessages msg = SignInResource.messages(language);
        String field = error.field() == null ? "" : error.field();
        String label = switch (field) {
            case "email" -> msg.email();
            case "displayName" -> msg.name();
            case "role" -> msg.role();
            default -> field;
        };
        return label + ": " + FieldErrorTexts.in(language, error.message());
    }

    /** A malformed id names nobody, as an unknown one does. */
    private static UUID idOf(String userId) {
        try {
            return UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundProblem("No such person in your clinic.");
        }
    }
}
