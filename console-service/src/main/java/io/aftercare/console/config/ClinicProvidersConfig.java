package io.aftercare.console.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The clinics that sign their people in through an OpenID Connect provider of their own, keyed by clinic id
 * ({@code aftercare.console.oidc.clinics."<clinicId>".issuer} ...). A clinic not named here signs in with passwords
 * only. The client secret has no default anywhere: a deployment sets it, from the environment
 * ({@code ...client-secret=${CLINIC_A_OIDC_SECRET}}).
 */
@ConfigMapping(prefix = "aftercare.console.oidc")
public interface ClinicProvidersConfig {

    Map<String, Provider> clinics();

    interface Provider {

        /** The provider's issuer URL; its {@code /.well-known/openid-configuration} must answer. */
        String issuer();

        String clientId();

        /** The client's secret at the provider; never logged. */
        String clientSecret();

        /** What the sign-in link calls the provider ("Sign in with ..."). */
        @WithDefault("your clinic's identity provider")
        String label();

        /**
         * The ID token claim that holds the person's groups or roles; nested with {@code /}
         * ({@code realm_access/roles}). A string or a list of strings.
         */
        @WithDefault("groups")
        String rolesClaim();

        /** The claim value that makes a person a clinic admin. */
        @WithDefault("clinic-admin")
        String adminValue();

        /** The claim value that makes a person staff (when they are not also an admin). */
        @WithDefault("staff")
        String staffValue();

        /**
         * Whether the ID token must say {@code email_verified: true} before its email matches or creates a console
         * account. Only for providers that never send the claim (Microsoft Entra ID) and verify addresses otherwise.
         */
        @WithDefault("true")
        boolean requireVerifiedEmail();

        /** Extra scopes to ask for besides {@code openid} (for example {@code email,profile,groups}). */
        @WithDefault("email,profile")
        String scopes();
    }
}
