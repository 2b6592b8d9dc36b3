package io.aftercare.console.rest;

import java.util.List;
import java.util.Map;

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
import io.aftercare.console.client.NotificationSettingsClient;
import io.aftercare.console.client.SchedulingSettingsClient;
import io.aftercare.console.security.CsrfCheck;
import io.aftercare.console.service.Person;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.UnprocessableException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A clinic admin's webhook endpoints: the list (scheduling's profile), adding one and rotating a secret (the new
 * secret is on that one answer only, never stored here), sending a test message (notification), and the message log
 * with every attempt. Another clinic's endpoint ids are not found: every call names the person's own clinic.
 */
@Path("/settings/webhooks")
@RolesAllowed(Role.CLINIC_ADMIN)
public class WebhooksResource {

    private static final String NOTIFICATION = "notification";
    private static final String ENDPOINT_ID = "[A-Za-z0-9_-]{1,64}";

    private final SecurityIdentity identity;
    private final SchedulingSettingsClient scheduling;
    private final NotificationSettingsClient notification;

    public WebhooksResource(SecurityIdentity identity, @RestClient SchedulingSettingsClient scheduling,
            @RestClient NotificationSettingsClient notification) {
        this.identity = identity;
        this.scheduling = scheduling;
        this.notification = notification;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("lang") String lang, @QueryParam("cursor") String cursor,
            @QueryParam("sent") String sent, @Context HttpHeaders headers) {
        String language = Language.pick(lang, headers);
        String notice = sent == null ? null : SignInResource.messages(language).testSent();
        return page(200, language, cursor, null, notice, FieldErrors.NONE, "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response add(@FormParam("csrf") String csrf, @FormParam("url") String url,
            @FormParam("events") List<String> events, @FormParam("lang") String lang, @Context HttpHeaders headers) {
        Person person = CsrfCheck.verified(identity, csrf);
        String language = Language.pick(lang, headers);
        SchedulingSettingsClient.IssuedWebhook issued;
        try {
            issued = ServiceCalls.call(SettingsResource.SCHEDULING, () -> scheduling.addWebhook(person.clinicId(),
                    new SchedulingSettingsClient.NewWebhook(url == null ? null : url.strip(),
                            events == null ? List.of() : events)));
        } catch (UnprocessableException e) {
            return page(e.status(), language, null, null, null,
                    FieldErrors.of(e.errors(), Map.of("url", "url", "events", "events"), language),
                    url == null || url.length() > 500 ? "" : url);
        }
        return page(201, language, null, issued, SignInResource.messages(language).secretShownOnce(),
                FieldErrors.NONE, "");
    }

    @POST
    @Path("{endpointId}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response rotate(@PathParam("endpointId") String endpointId, @FormParam("csrf") String csrf,
            @FormParam("lang") String lang, @Context HttpHeaders headers) {
        Person person = CsrfCheck.verified(identity, csrf);
        String id = endpointIdOf(endpointId);
        SchedulingSettingsClient.IssuedWebhook issued = ServiceCalls.call(SettingsResource.SCHEDULING,
                () -> scheduling.rotateSecret(person.clinicId(), id));
        String language = Language.pick(lang, headers);
        return page(200, language, null, issued, SignInResource.messages(language).secretShownOnce(),
                FieldErrors.NONE, "");
    }

    @POST
    @Path("{endpointId}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response test(@PathParam("endpointId") String endpointId, @FormParam("csrf") String csrf,
            @FormParam("lang") String lang, @Context HttpHeaders headers) {
        Person person = CsrfCheck.verified(identity, csrf);
        String id = endpointIdOf(endpointId);
        ServiceCalls.call(NOTIFICATION, () -> notification.test(person.clinicId(), id));
        return Html.seeOther("/settings/webhooks?sent=" + id, Language.pick(lang, headers)).build();
    }

    private Response page(int status, String language, String cursor, SchedulingSettingsClient.IssuedWebhook issued,
            String notice, FieldErrors errors, String url) {
        Person person = Person.of(identity);
        List<SchedulingSettingsClient.Webhook> webhooks;
        try {
            var profile = ServiceCalls.call(SettingsResource.SCHEDULING, () -> scheduling.profile(person.clinicId()));
            webhooks = profile.webhooks() == null ? List.of() : profile.webhooks();
        } catch (NotFoundProblem e) {
            webhooks = List.of();
        }
        String position = cursor == null || cursor.length() > 200 ? null : cursor;
        NotificationSettingsClient.MessagePage log = ServiceCalls.call(NOTIFICATION,
                () -> notification.messages(person.clinicId(), position, 20));
        return Html.page(status, SettingsPages.webhooks(language, person, webhooks, log.items(), log.nextCursor(),
                issued, notice, errors, url), language);
    }

    /** An id of a form no endpoint has names none, as an unknown one does. */
    private static String endpointIdOf(String endpointId) {
        if (endpointId == null || !endpointId.matches(ENDPOINT_ID)) {
            throw new NotFoundProblem("No such endpoint in your clinic.");
        }
        return endpointId;
    }

    @ServerExceptionMapper
    public Response signInFirst(UnauthorizedException e) {
        return Html.seeOther("/sign-in", "en").build();
    }
}
