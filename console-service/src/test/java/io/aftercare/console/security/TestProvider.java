package io.aftercare.console.security;

import io.aftercare.console.config.ClinicProvidersConfig;

/**
 * A clinic's provider as its configuration gives it, for tests that read one without starting Quarkus: the roles and
 * scopes a clinic's Keycloak realm typically has.
 */
record TestProvider(String issuer, String clientId, String clientSecret, String label, String rolesClaim)
        implements
            ClinicProvidersConfig.Provider {

    @Override
    public String adminValue() {
        return "clinic-admin";
    }

    @Override
    public String staffValue() {
        return "staff";
    }

    @Override
    public boolean requireVerifiedEmail() {
        return true;
    }

    @Override
    public String scopes() {
        return "email,profile";
    }
}
