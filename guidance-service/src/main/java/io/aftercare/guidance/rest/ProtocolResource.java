package io.aftercare.guidance.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.security.ClinicOverrideAccess;
import io.aftercare.guidance.service.ClinicPlans;
import io.aftercare.guidance.service.EffectiveProtocol;
import io.aftercare.guidance.service.EffectiveProtocols;
import io.aftercare.guidance.service.PlanCalculator;
import io.aftercare.guidance.service.ProtocolService;
import io.aftercare.problem.InputPatterns;

/**
 * Read access to protocols and plans: the base protocol is open to any caller, a clinic's view of it needs that
 * clinic's, the operator's or the admin's login ({@link ClinicOverrideAccess}); editing is in the admin resources.
 */
@Path("/v1/protocols")
@Produces(MediaType.APPLICATION_JSON)
public class ProtocolResource {

    static final String TREATMENT = InputPatterns.KEY;
    static final String CLINIC = InputPatterns.CLINIC_ID;

    public record ProtocolSummary(String treatment, int version, String title, Instant publishedAt, int rules) {
    }

    public record ProtocolPage(List<ProtocolSummary> items, int page, int size, long total) {
    }

    public record VersionView(String treatment, int version, Instant publishedAt, ProtocolContent content) {
    }

    private final ProtocolService protocols;
    private final EffectiveProtocols effectiveProtocols;
    private final ClinicPlans plans;
    private final Clock clock;
    private final ClinicOverrideAccess access;

    public ProtocolResource(ProtocolService protocols, EffectiveProtocols effectiveProtocols, ClinicPlans plans,
            Clock clock, ClinicOverrideAccess access) {
        this.protocols = protocols;
        this.effectiveProtocols = effectiveProtocols;
        this.plans = plans;
        this.clock = clock;
        this.access = access;
    }

    @GET
    public ProtocolPage list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        List<ProtocolSummary> items = protocols.latestVersions(page, size)
                .stream()
                .map(v -> new ProtocolSummary(v.treatment(), v.version(), v.content().title(), v.publishedAt(),
                        v.content().rules().size()))
                .toList();
        return new ProtocolPage(items, page, size, protocols.countTreatments());
    }

    /** The protocol in force: the latest version, with the clinic's override when a clinic is named. */
    @GET
    @Path("/{treatment}")
    public EffectiveProtocol effective(@PathParam("treatment") @Pattern(regexp = TREATMENT) String treatment,
            @QueryParam("clinicId") @Pattern(regexp = CLINIC) String clinicId) {
        access.check(clinicId);
        return effectiveProtocols.effective(treatment, clinicId);
    }

    @GET
    @Path("/{treatment}/versions/{version}")
    public VersionView version(@PathParam("treatment") @Pattern(regexp = TREATMENT) String treatment,
            @PathParam("version") @Min(1) int version) {
        ProtocolService.Version found = protocols.version(treatment, version);
        return new VersionView(found.treatment(), found.version(), found.publishedAt(), found.content());
    }

    /** The concrete reminders a patient would get; the scheduling service plans every booking with this. */
    @GET
    @Path("/{treatment}/plan")
    public PlanResponse plan(@PathParam("treatment") @Pattern(regexp = TREATMENT) String treatment,
            @Valid @BeanParam PlanQuery query) {
        access.check(query.clinicId);
        PlanQuery.Parsed parsed = query.parse(clock);
        ClinicPlans.Planned planned = plans.plan(treatment, query.clinicId,
                new ClinicPlans.Profile(query.clinicName, query.clinicPhone, query.consentBasis),
                new PlanCalculator.Request(parsed.treatedAt(), parsed.zone(), query.locale, parsed.window(),
                        query.firstName, query.marketingConsent));
        EffectiveProtocol protocol = planned.protocol();
        return new PlanResponse(treatment, protocol.version(), protocol.clinicId(), parsed.zone().getId(),
                query.locale, planned.request().window(), protocol.budget(), planned.plan().moments(),
                planned.plan().placements());
    }
}
