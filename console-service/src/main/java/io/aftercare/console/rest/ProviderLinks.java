package io.aftercare.console.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.aftercare.console.security.ClinicTenants;
import io.vertx.ext.web.RoutingContext;

/**
 * The sign-in page's link to a clinic's own provider, for {@code /sign-in?clinic=<clinicId>} (the address a clinic
 * with a provider gives its people). Without the parameter the page shows none: it does not list which clinics use
 * which provider.
 */
@Named("providerLinks")
@RequestScoped
public class ProviderLinks {

    /** @param path where the link goes; @param label what the clinic calls its provider */
    public record Link(String path, String label) {
    }

    private final RoutingContext context;
    private final ClinicTenants tenants;

    public ProviderLinks(RoutingContext context, ClinicTenants tenants) {
        this.context = context;
        this.tenants = tenants;
    }

    /** The link for the clinic the page was asked for, or null. */
    public Link getLink() {
        String clinicId = context.request().getParam("clinic");
        return tenants.providerOf(clinicId)
                .map(provider -> new Link("/sign-in/oidc/" + clinicId, provider.label()))
                .orElse(null);
    }
}
