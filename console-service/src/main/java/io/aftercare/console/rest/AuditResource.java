package io.aftercare.console.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.aftercare.audit.AuditEntry;
import io.aftercare.audit.AuditTrail;
import io.aftercare.console.ConsoleUser;
import io.aftercare.console.Role;
import io.aftercare.console.client.AuditPage;
import io.aftercare.console.client.GuidanceAuditClient;
import io.aftercare.console.client.NotificationAuditClient;
import io.aftercare.console.client.SchedulingAuditClient;
import io.aftercare.console.service.AuditMerge;
import io.aftercare.console.service.People;
import io.aftercare.console.service.Person;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A clinic admin's audit page: who read or changed what of the clinic's records, when and from where, from the
 * console's own trail and each service's (their {@code /v1/clinics/{clinicId}/audit}, read as the person), merged
 * newest first, 50 a page; a person's id is shown with their name. Only the person's own clinic. A service whose trail
 * cannot be read now is named on the page, and the others are still shown.
 */
@Path("/audit")
@RolesAllowed(Role.CLINIC_ADMIN)
public class AuditResource {

    static final int PAGE = 50;
    /** The trails in the cursor's order. */
    static final List<String> TRAILS = List.of("console", "scheduling", "notification", "guidance");

    private final SecurityIdentity identity;
    private final AuditTrail console;
    private final People people;
    private final Map<String, Function<Call, AuditPage>> services;

    /** One read of a service's trail. */
    record Call(String clinicId, String cursor, int limit) {
    }

    public AuditResource(SecurityIdentity identity, AuditTrail console, People people,
            @RestClient SchedulingAuditClient scheduling, @RestClient NotificationAuditClient notification,
            @RestClient GuidanceAuditClient guidance) {
        this.identity = identity;
        this.console = console;
        this.people = people;
        this.services = Map.of(
                "scheduling", call -> scheduling.page(call.clinicId(), call.cursor(), call.limit()),
                "notification", call -> notification.page(call.clinicId(), call.cursor(), call.limit()),
                "guidance", call -> guidance.page(call.clinicId(), call.cursor(), call.limit()));
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("cursor") String cursor, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        String language = Language.pick(lang, headers);
        Person person = Person.of(identity);
        List<String> positions = AuditMerge.positions(cursor, TRAILS.size());
        List<AuditMerge.Read> reads = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (int i = 0; i < TRAILS.size(); i++) {
            reads.add(read(TRAILS.get(i), person.clinicId(), positions.get(i), unavailable));
        }
        AuditMerge.Page page = AuditMerge.merge(positions, reads, PAGE);
        Map<String, String> names = names(person.clinicId());
        List<SettingsPages.AuditRow> rows = page.rows().stream()
                .map(row -> SettingsPages.AuditRow.of(row, names.getOrDefault(row.entry().actor(),
                        row.entry().actor())))
                .toList();
        return Html.page(200, SettingsPages.audit(language, person, rows, page.nextCursor(),
                unavailable.isEmpty() ? null : String.join(", ", unavailable)), language);
    }

    /** A trail's lines from its position; null (and named unavailable) when the service cannot be read now. */
    private AuditMerge.Read read(String trail, String clinicId, String position, List<String> unavailable) {
        if (AuditMerge.DONE.equals(position)) {
            return new AuditMerge.Read(trail, List.of(), false);
        }
        String before = AuditMerge.trailCursor(position);
        if ("console".equals(trail)) {
            List<AuditEntry> entries = console.page(clinicId, before == null ? null : Long.valueOf(before), PAGE);
            return new AuditMerge.Read(trail, entries.subList(0, Math.min(PAGE, entries.size())),
                    entries.size() > PAGE);
        }
        try {
            AuditPage page = ServiceCalls.call(trail, () -> services.get(trail).apply(new Call(clinicId, before,
                    PAGE)));
            return new AuditMerge.Read(trail, page.items(), page.nextCursor() != null);
        } catch (RuntimeException e) {
            unavailable.add(trail);
            return null;
        }
    }

    /** The clinic's people by id, for the actors that are people. */
    private Map<String, String> names(String clinicId) {
        Map<String, String> names = new HashMap<>();
        for (ConsoleUser user : people.ofClinic(clinicId)) {
            names.put(user.id.toString(), user.displayName);
        }
        return names;
    }

    @ServerExceptionMapper
    public Response signInFirst(UnauthorizedException e) {
        return Html.seeOther("/sign-in", "en").build();
    }
}
