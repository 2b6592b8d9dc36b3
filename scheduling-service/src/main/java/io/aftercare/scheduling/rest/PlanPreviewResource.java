package io.aftercare.scheduling.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aftercare.problem.InputPatterns;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.Problem;
import io.aftercare.problem.UnprocessableException;
import io.aftercare.scheduling.ClinicProfile;
import io.aftercare.scheduling.client.GuidancePlan;
import io.aftercare.scheduling.client.GuidancePlanner;
import io.aftercare.scheduling.client.PlanRequest;
import io.aftercare.scheduling.security.ClinicAccess;
import io.aftercare.scheduling.service.ClinicProfiles;

/**
 * The plan a patient of the clinic would get for a treatment ending at a given time, asked of guidance exactly as a
 * booking's plan is ({@link GuidancePlanner} with the clinic's profile: its name, phone, send window and consent
 * basis), in the clinic's zone and language unless told otherwise. Names no patient: a clinic's people and its
 * booking system may both ask.
 */
@Path("/v1/clinics/{clinicId}/plan-preview")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("clinic")
public class PlanPreviewResource {

    /** One care moment: when (UTC and the patient's clock), how, and the words. */
    public record Moment(String ruleKey, String category, String priority, Instant dueAt, LocalDateTime dueLocal,
            List<String> channels, String sms, String emailSubject, String emailBody) {
    }

    public record Preview(String treatment, int protocolVersion, String timeZone, String locale, List<Moment> moments) {
    }

    private final GuidancePlanner planner;
    private final ClinicProfiles profiles;
    private final ClinicAccess access;

    public PlanPreviewResource(GuidancePlanner planner, ClinicProfiles profiles, ClinicAccess access) {
        this.planner = planner;
        this.profiles = profiles;
        this.access = access;
    }

    @GET
    public Preview preview(@PathParam("clinicId") @Pattern(regexp = BookingResource.CLINIC_ID) String clinicId,
            @QueryParam("treatment") @NotNull @Pattern(regexp = InputPatterns.KEY) String treatment,
            @QueryParam("endsAt") @NotNull @Size(max = 40) String endsAt,
            @QueryParam("locale") @Pattern(regexp = InputPatterns.LANGUAGE_TAG) String locale,
            @QueryParam("firstName") @DefaultValue("Ana") @Size(min = 1, max = 20) String firstName) {
        access.require(clinicId);
        ClinicProfile profile = profiles.of(clinicId)
                .orElseThrow(() -> new NotFoundProblem("clinic " + clinicId + " has no profile yet"));
        String language = locale == null ? profile.locale : locale;
        PlanRequest request = new PlanRequest(clinicId, treatment, end(endsAt), profile.timeZone, language, firstName,
                false);
        GuidancePlanner.Outcome outcome = planner.plan(request);
        if (outcome instanceof GuidancePlanner.Planned planned) {
            return preview(planned.plan(), ZoneId.of(profile.timeZone), language);
        }
        if (outcome instanceof GuidancePlanner.UnknownTreatment) {
            throw new UnprocessableException("Unknown treatment", "There is no protocol for " + treatment + ".",
                    List.of(new Problem.FieldError("treatment", "has no protocol")));
        }
        throw new UnprocessableException(503, "Guidance unavailable", "The plan cannot be computed now.", List.of());
    }

    private static Preview preview(GuidancePlan plan, ZoneId zone, String locale) {
        List<Moment> moments = plan.reminders().stream()
                .map(item -> new Moment(item.ruleKey(), item.category(), item.priority(), item.dueAt(),
                        LocalDateTime.ofInstant(item.dueAt(), zone), item.channels(),
                        item.messages() == null ? null : item.messages().sms(),
                        item.messages() == null || item.messages().email() == null
                                ? null
                                : item.messages().email().subject(),
                        item.messages() == null || item.messages().email() == null
                                ? null
                                : item.messages().email().body()))
                .toList();
        return new Preview(plan.treatment(), plan.protocolVersion(), zone.getId(), locale, moments);
    }

    private static Instant end(String endsAt) {
        try {
            return OffsetDateTime.parse(endsAt).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnprocessableException(400, "Invalid request", "The request has 1 invalid field(s).",
                    List.of(new Problem.FieldError("endsAt", "must be an ISO-8601 date-time with offset")));
        }
    }
}
