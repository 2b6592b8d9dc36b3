package io.aftercare.problem;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The operator's and the admin's endpoints answer HTTP Basic, which a browser sends by itself once someone signed in
 * to the ops page: without this, any web page that person opens could post a form to them (CSRF). A browser names
 * where a request comes from in {@code Sec-Fetch-Site}; one from another site (or another port of this host, which is
 * the "same site") is refused. Older browsers do not send that header, so a change on {@code /v1/ops} must also carry
 * {@value #CSRF_HEADER}: a form or an image cannot set a header, and a script of another origin cannot send one
 * without a CORS preflight, which these services never grant. Scripts and tools outside a browser send neither
 * {@code Sec-Fetch-Site} nor cookies and are not affected.
 */
public class CrossSiteRequestFilter {

    public static final String CSRF_HEADER = "X-Aftercare-Csrf";

    private static final List<String> GUARDED = List.of("/v1/ops", "/v1/admin");
    private static final Set<String> OWN_ORIGIN = Set.of("same-origin", "none");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response refuseCrossSite(ContainerRequestContext request) {
        // Decoded and with runs of slashes folded, as the router reads it: "/v1/%6Fps" and "//v1/ops" are guarded too.
        String path = ("/" + request.getUriInfo().getPath()).replaceAll("/{2,}", "/");
        if (GUARDED.stream().noneMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))) {
            return null;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null && !OWN_ORIGIN.contains(site.strip().toLowerCase(Locale.ROOT))) {
            return refused(path, "A request from another site (Sec-Fetch-Site: " + site.strip()
                    + ") may not reach the operator's endpoints.");
        }
        boolean changes = !SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT));
        String marker = request.getHeaderString(CSRF_HEADER);
        if (changes && path.startsWith("/v1/ops") && (marker == null || marker.isBlank())) {
            return refused(path, "A change on the ops endpoints needs the " + CSRF_HEADER
                    + " header, which the ops page sends and a cross-site form cannot.");
        }
        return null;
    }

    private static Response refused(String path, String detail) {
        return Response.status(Response.Status.FORBIDDEN)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Forbidden", 403, detail, path, List.of()))
                .build();
    }
}
