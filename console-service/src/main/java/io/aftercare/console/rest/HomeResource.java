package io.aftercare.console.rest;

import jakarta.annotation.security.RolesAllowed;
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

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.aftercare.console.Role;
import io.aftercare.console.security.CsrfCheck;
import io.aftercare.console.service.Person;
import io.aftercare.console.service.SessionStore;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in person's landing page: who they are, their clinic and role; sign out here or everywhere. */
@Path("/")
@RolesAllowed({Role.STAFF, Role.CLINIC_ADMIN})
public class HomeResource {

    private final SecurityIdentity identity;
    private final SessionStore sessions;

    public HomeResource(SecurityIdentity identity, SessionStore sessions) {
        this.identity = identity;
        this.sessions = sessions;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        String language = Language.pick(lang, headers);
        return Html.page(200, Pages.home(language, Person.of(identity)), language);
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("csrf") String csrf, @FormParam("lang") String lang,
            @Context HttpHeaders headers) {
        Person person = CsrfCheck.verified(identity, csrf);
        sessions.close(person.sessionSha256());
        return signedOut(lang, headers);
    }

    @POST
    @Path("sign-out-everywhere")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOutEverywhere(@FormParam("csrf") String csrf, @FormParam("lang") String lang,
            @Context HttpHeaders headers) {
        Person person = CsrfCheck.verified(identity, csrf);
        sessions.closeAll(person.id());
        return signedOut(lang, headers);
    }

    /**
     * Back to the sign-in page with the session cookie cleared. The shared AuditFilter records the sign-out, naming
     * the person, their role and clinic.
     */
    private static Response signedOut(String lang, HttpHeaders headers) {
        return Html.seeOther("/sign-in?done=out", Language.pick(lang, headers))
                .header("Set-Cookie", Html.clearedCookie())
                .build();
    }

    /** Not signed in (or the session is over): to the sign-in page, rather than a 401 a browser cannot act on. */
    @ServerExceptionMapper
    public Response signInFirst(UnauthorizedException e) {
        return Html.seeOther("/sign-in", "en").build();
    }
}
