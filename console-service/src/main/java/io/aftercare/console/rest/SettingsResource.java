package io.aftercare.console.rest;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.aftercare.console.Role;
import io.aftercare.console.client.SchedulingSettingsClient;
import io.aftercare.console.security.CsrfCheck;
import io.aftercare.console.service.Person;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.Problem;
import io.aftercare.problem.UnprocessableException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A clinic admin's settings: the clinic profile (scheduling's, changed as the person, field errors shown next to each
 * field) and the plan preview for a treatment end time, exactly as a patient would get it (scheduling asks guidance as
 * it does for a booking). Clinic admins only, their own clinic only; every change with the session's CSRF token.
 */
@Path("/settings")
@RolesAllowed(Role.CLINIC_ADMIN)
public class SettingsResource {

    static final String SCHEDULING = "scheduling";

    private final SecurityIdentity identity;
    private final SchedulingSettingsClient scheduling;

    public SettingsResource(SecurityIdentity identity, @RestClient SchedulingSettingsClient scheduling) {
        this.identity = identity;
        this.scheduling = scheduling;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("lang") String lang, @QueryParam("done") String done,
            @Context HttpHeaders headers) {
        String language = Language.pick(lang, headers);
        Person person = Person.of(identity);
        SchedulingSettingsClient.Profile profile = profile(person.clinicId());
        String notice = done == null ? null : SignInResource.messages(language).done();
        return Html.page(200, SettingsPages.settings(language, person,
                profile == null ? ProfileForm.empty() : ProfileForm.of(profile), FieldErrors.NONE, notice,
                profile != null), language);
    }

    @POST
    @Path("profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@FormParam("csrf") String csrf, @FormParam("lang") String lang, @BeanParam ProfileForm form,
            @Context HttpHeaders headers) {
        Person person = CsrfCheck.verified(identity, csrf);
        String language = Language.pick(lang, headers);
        SchedulingSettingsClient.Profile stored = profile(person.clinicId());
        Map<String, String> otherHelp = stored == null || stored.helpTexts() == null ? Map.of() : stored.helpTexts();
        try {
            ServiceCalls.call(SCHEDULING, () -> scheduling.saveSettings(person.clinicId(), form.toSettings(otherHelp)));
        } catch (UnprocessableException e) {
            return Html.page(e.status(), SettingsPages.settings(language, person, form,
                    FieldErrors.of(e.errors(), ProfileForm.FIELDS, language), null, stored != null), language);
        }
        return Html.seeOther("/settings?done=profile", language).build();
    }

    /** The plan for a treatment ending at {@code endsAt} on the clinic's clock (its profile's zone). */
    @GET
    @Path("plan-preview")
    @Produces(MediaType.TEXT_HTML)
    public Response preview(@QueryParam("treatment") String treatment, @QueryParam("endsAt") String endsAt,
            @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        String language = Language.pick(lang, headers);
        Person person = Person.of(identity);
        String chosen = treatment == null || treatment.isBlank() ? "microneedling" : treatment.strip();
        if (endsAt == null || endsAt.isBlank()) {
            return Html.page(200, SettingsPages.planPreview(language, person, chosen, "", null, FieldErrors.NONE),
                    language);
        }
        SchedulingSettingsClient.Profile profile = profile(person.clinicId());
        if (profile == null) {
            throw new NotFoundProblem("Save the clinic's profile first: the preview uses its zone and name.");
        }
        try {
            String end = LocalDateTime.parse(endsAt.strip()).atZone(ZoneId.of(profile.timeZone()))
                    .toOffsetDateTime().toString();
            SchedulingSettingsClient.Preview preview = ServiceCalls.call(SCHEDULING,
                    () -> scheduling.planPreview(person.clinicId(), chosen, end, null));
            return Html.page(200, SettingsPages.planPreview(language, person, chosen, endsAt, preview,
                    FieldErrors.NONE), language);
        } catch (DateTimeParseException e) {
            return previewRefused(language, person, chosen, endsAt,
                    List.of(new Problem.FieldError("endsAt", "must be a date and time")), 400);
        } catch (UnprocessableException e) {
            return previewRefused(language, person, chosen, endsAt, e.errors(), e.status());
        }
    }

    private Response previewRefused(String language, Person person, String treatment, String endsAt,
            List<Problem.FieldError> errors, int status) {
        FieldErrors fieldErrors = FieldErrors.of(errors, Map.of("endsAt", "endsAt", "treatment", "treatment"),
                language);
        return Html.page(status, SettingsPages.planPreview(language, person, treatment,
                endsAt.length() > 40 ? "" : endsAt, null, fieldErrors), language);
    }

    /** The clinic's profile, or null while it has none. */
    private SchedulingSettingsClient.Profile profile(String clinicId) {
        try {
            return ServiceCalls.call(SCHEDULING, () -> scheduling.profile(clinicId));
        } catch (NotFoundProblem e) {
            return null;
        }
    }

    @ServerExceptionMapper
    public Response signInFirst(UnauthorizedException e) {
        return Html.seeOther("/sign-in", "en").build();
    }
}
