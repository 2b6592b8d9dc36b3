package io.aftercare.audit;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.SecurityContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.aftercare.security.PersonIdentity;
import io.aftercare.security.PersonPrincipal;
import io.vertx.core.http.HttpServerRequest;

/**
 * Records each change by a signed-in caller, and each signed-in read of patient data (the paths this service names in
 * {@code aftercare.audit.reads}), after it was answered: who, as what, which clinic's records, what, how it ended and
 * from where. A clinic's person (a {@link PersonPrincipal}: signed in at the console, or acting through it with a
 * person token) is recorded as themselves, with their role ({@code staff}, {@code clinic-admin}) and clinic; anyone
 * else by principal and role. Anonymous calls are not people or clinics (the provider's signed webhooks, health, metrics) and are not
 * recorded here; failed sign-ins are throttled, not audited.
 */
public class AuditFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<String> ROLES = List.of("operator", "admin", "clinic");
    /** {@code /v1/clinics/{id}/...} and {@code /v1/admin/clinics/{id}...} name the clinic concerned. */
    private static final Pattern CLINIC = Pattern.compile("^/v1/(?:admin/)?clinics/([^/]+)");

    private final AuditTrail trail;
    private final List<Pattern> patientReads;

    public AuditFilter(AuditTrail trail, AuditConfig config) {
        this.trail = trail;
        this.patientReads = config.reads().stream().filter(r -> !"none".equals(r)).map(Pattern::compile).toList();
    }

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        SecurityContext security = request.getSecurityContext();
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null || principal.getName() == null || principal.getName().isEmpty()) {
            return;
        }
        String method = request.getMethod();
        String raw = request.getUriInfo().getPath();
        String path = raw.startsWith("/") ? raw : "/" + raw;
        if (READS.contains(method) && patientReads.stream().noneMatch(p -> p.matcher(path).matches())) {
            return;
        }
        String source = http == null || http.remoteAddress() == null ? null : http.remoteAddress().host();
        Optional<PersonPrincipal> person = PersonIdentity.of(principal);
        if (person.isPresent()) {
            // A clinic's person, at the console or through it: named, with their own role and clinic.
            PersonPrincipal who = person.get();
            trail.record(who.personId(), who.role(), who.clinicId(), method, path, response.getStatus(), source);
            return;
        }
        String role = ROLES.stream().filter(security::isUserInRole).findFirst().orElse("other");
        Matcher clinic = CLINIC.matcher(path);
        String clinicId = clinic.find() ? clinic.group(1) : "clinic".equals(role) ? principal.getName() : null;
        trail.record(principal.getName(), role, clinicId, method, path, response.getStatus(), source);
    }
}
