package io.aftercare.console.rest;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.aftercare.problem.Problem;

/**
 * A second wall against cross-site requests, before the per-session CSRF token: a browser names where a request
 * comes from in {@code Sec-Fetch-Site}, and a change from another site is refused outright. It also covers the forms
 * that have no session yet (signing in, choosing a password from a link), against login CSRF. The session cookie is
 * SameSite=Strict besides. Tools outside a browser send no {@code Sec-Fetch-Site} and are judged by their credentials.
 */
public class SameOriginForms {

    private static final Set<String> OWN_ORIGIN = Set.of("same-origin", "none");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response refuseCrossSiteChanges(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return null;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site == null || OWN_ORIGIN.contains(site.strip().toLowerCase(Locale.ROOT))) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Forbidden", 403,
                        "A change from another site (Sec-Fetch-Site: " + site.strip() + ") is refused.",
                        path(request), List.of()))
                .build();
    }

    private static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/") ? path : "/" + path;
    }
}
