package io.aftercare.console.rest;

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

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.aftercare.console.Role;
import io.aftercare.console.client.SchedulingSettingsClient;
import io.aftercare.console.security.CsrfCheck;
import io.aftercare.console.service.ConsoleAudit;
import io.aftercare.console.service.Person;
import io.aftercare.problem.NotFoundProblem;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * A clinic admin's API keys for their booking system: the list, issuing one (its secret on that one answer only) and
 * revoking one. Scheduling lets only a clinic admin's person token do this, never an API key; another clinic's key
 * ids are not found.
 */
@Path("/settings/keys")
@RolesAllowed(Role.CLINIC_ADMIN)
public class KeysResource {

    private final SecurityIdentity identity;
    private final SchedulingSettingsClient scheduling;
    private final ConsoleAudit audit;

    public KeysResource(SecurityIdentity identity, @RestClient SchedulingSettingsClient scheduling,
            ConsoleAudit audit) {
        this.identity = identity;
        this.scheduling = scheduling;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("lang") String lang, @QueryParam("done") String done,
            @Context HttpHeaders headers) {
        String language = Language.pick(lang, headers);
        return page(200, language, null, done == null ? null : SignInResource.messages(language).done());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response issue(@FormParam("csrf") String csrf, @FormParam("lang") String lang,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Person person = CsrfCheck.verified(identity, csrf);
        SchedulingSettingsClient.IssuedKey issued = ServiceCalls.call(SettingsResource.SCHEDULING,
                () -> scheduling.issueKey(person.clinicId()));
        audit.byPerson(person, "POST", "/settings/keys/" + issued.keyId(), 201, SignInResource.source(request));
        String language = Language.pick(lang, headers);
        return page(201, language, issued, SignInResource.messages(language).secretShownOnce());
    }

    @POST
    @Path("{keyId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("keyId") String keyId, @FormParam("csrf") String csrf,
            @FormParam("lang") String lang, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Person person = CsrfCheck.verified(identity, csrf);
        if (keyId == null || !keyId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new NotFoundProblem("No such key in your clinic.");
        }
        ServiceCalls.run(SettingsResource.SCHEDULING, () -> scheduling.revokeKey(person.clinicId(), keyId));
        audit.byPerson(person, "POST", "/settings/keys/" + keyId + "/revoke", 303, SignInResource.source(request));
        return Html.seeOther("/settings/keys?done=revoked", Language.pick(lang, headers)).build();
    }

    private Response page(int status, String language, SchedulingSettingsClient.IssuedKey issued, String notice) {
        Person person = Person.of(identity);
        var keys = ServiceCalls.call(SettingsResource.SCHEDULING, () -> scheduling.keys(person.clinicId()));
        return Html.page(status, SettingsPages.keys(language, person, keys, issued, notice), language);
    }

    @ServerExceptionMapper
    public Response signInFirst(UnauthorizedException e) {
        return Html.seeOther("/sign-in", "en").build();
    }
}
