package io.aftercare.console.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.aftercare.console.config.ClinicProvidersConfig;
import io.aftercare.console.config.ConsoleConfig;
import io.aftercare.console.security.ClinicTenants;
import io.aftercare.console.security.ProviderAccount;
import io.aftercare.console.security.ProviderSignIns;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Sign-in through the clinic's own OpenID Connect provider, the return leg. {@code /oidc/{clinicId}} opens only to the
 * authorization code flow of that clinic's tenant ({@code quarkus.http.auth.permission.provider-sign-in}): Quarkus
 * sends the browser to the provider, takes the code back here and checks the ID token. Then this resource makes the
 * person's console session, the same cookie as a password sign-in, and removes Quarkus' own session cookie at once:
 * from then on the console's session alone counts, with its timeouts, sign-out everywhere and disabling.
 */
@Path("/oidc")
public class ProviderSessionResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance signedIn(String lang);
    }

    private final ClinicTenants tenants;
    private final ProviderSignIns signIns;
    private final ConsoleConfig config;
    private final SecurityIdentity identity;
    private final OidcSession oidcSession;

    public ProviderSessionResource(ClinicTenants tenants, ProviderSignIns signIns, ConsoleConfig config,
            SecurityIdentity identity, OidcSession oidcSession) {
        this.tenants = tenants;
        this.signIns = signIns;
        this.config = config;
        this.identity = identity;
        this.oidcSession = oidcSession;
    }

    /**
     * Reached signed in by the clinic's provider (the code flow ran before this method). A page rather than a
     * redirect: the browser came here from the provider's site, and would not send a SameSite=Strict cookie on a
     * redirect of that navigation; the page's own refresh to {@code /} is same-site and does.
     */
    @GET
    @Path("{clinicId}")
    @Produces(MediaType.TEXT_HTML)
    public Response signedIn(@PathParam("clinicId") String clinicId, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        String language = Language.pick(null, headers);
        ClinicProvidersConfig.Provider provider = tenants.providerOf(clinicId).orElse(null);
        // The code flow's identity has the ID token as its principal; it must be this clinic's tenant's.
        if (provider == null || !(identity.getPrincipal() instanceof JsonWebToken idToken)
                || !ClinicTenants.tenantId(clinicId).equals(oidcSession.getTenantId())) {
            return refused(language, 403);
        }
        ProviderSignIns.Outcome outcome = signIns.signIn(clinicId, provider,
                ProviderAccount.of(idToken, provider), SignInResource.source(request));
        oidcSession.logout().await().indefinitely();
        if (!outcome.signedIn()) {
            return refused(language, 403);
        }
        return Response.fromResponse(Html.page(200, Templates.signedIn(language), language))
                .header("Set-Cookie", Html.sessionCookie(outcome.session(),
                        config.sessions().absoluteTimeout().toSeconds()))
                .header("Refresh", "0; url=/?lang=" + language)
                .build();
    }

    private static Response refused(String language, int status) {
        return Html.page(status, Pages.signIn(language, "", SignInResource.messages(language).providerRefused(),
                null), language);
    }
}
