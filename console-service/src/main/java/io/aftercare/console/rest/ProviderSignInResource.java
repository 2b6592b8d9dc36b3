package io.aftercare.console.rest;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aftercare.console.security.ClinicTenants;

/**
 * The sign-in page's link to a clinic's own OpenID Connect provider: on to {@code /oidc/{clinicId}}, where
 * {@link ProviderSessionResource} runs the code flow; 404 for a clinic without a provider.
 */
@Path("/sign-in/oidc")
public class ProviderSignInResource {

    private final ClinicTenants tenants;

    public ProviderSignInResource(ClinicTenants tenants) {
        this.tenants = tenants;
    }

    /** The sign-in page's link: on to the code flow of the clinic's provider; 404 for a clinic without one. */
    @GET
    @Path("{clinicId}")
    @Produces(MediaType.TEXT_HTML)
    public Response start(@PathParam("clinicId") String clinicId, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        if (tenants.providerOf(clinicId).isEmpty()) {
            String language = Language.pick(lang, headers);
            return Html.page(404, Pages.signIn(language, "", SignInResource.messages(language).providerUnknown(),
                    null), language);
        }
        return Response.seeOther(URI.create(ClinicTenants.PATH + clinicId)).header("Cache-Control", "no-store")
                .build();
    }
}
