package io.aftercare.console.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aftercare.audit.AuditTrail;
import io.aftercare.console.ConsoleUser;
import io.aftercare.console.Role;
import io.aftercare.console.service.AuditMerge;
import io.aftercare.console.service.People;
import io.aftercare.problem.InputPatterns;
import io.aftercare.problem.NotFoundProblem;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * The operator's deliberate view of one clinic: read-only, under a banner saying that the operator is acting for
 * that clinic, and each read recorded in the audit trail with the operator as actor and the clinic as the clinic, so
 * that the clinic's own audit page shows it. The operator has no other way into a clinic's pages; a clinic the
 * console knows nothing of is not found.
 */
@Path("/operator/clinics/{clinicId}")
@RolesAllowed(Role.OPERATOR)
public class OperatorClinicResource {

    private static final int RECENT = 20;

    private final SecurityIdentity identity;
    private final People people;
    private final AuditTrail trail;

    public OperatorClinicResource(SecurityIdentity identity, People people, AuditTrail trail) {
        this.identity = identity;
        this.people = people;
        this.trail = trail;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response overview(@PathParam("clinicId") @Pattern(regexp = InputPatterns.CLINIC_ID) String clinicId,
            @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        String language = Language.pick(lang, headers);
        List<ConsoleUser> clinicPeople = people.ofClinic(clinicId);
        String operator = identity.getPrincipal().getName();
        String path = "/operator/clinics/" + clinicId;
        if (clinicPeople.isEmpty()) {
            trail.record(operator, Role.OPERATOR, clinicId, "GET", path, 404, SignInResource.source(request));
            throw new NotFoundProblem("The console knows no clinic " + clinicId + ".");
        }
        var entries = trail.page(clinicId, null, RECENT);
        List<SettingsPages.AuditRow> rows = entries.subList(0, Math.min(RECENT, entries.size())).stream()
                .map(entry -> SettingsPages.AuditRow.of(new AuditMerge.Row("console", entry), entry.actor()))
                .toList();
        trail.record(operator, Role.OPERATOR, clinicId, "GET", path, 200, SignInResource.source(request));
        return Html.page(200, SettingsPages.operatorClinic(language, clinicId, clinicPeople, rows), language);
    }
}
