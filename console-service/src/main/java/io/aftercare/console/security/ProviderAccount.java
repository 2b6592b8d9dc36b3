package io.aftercare.console.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.aftercare.console.config.ClinicProvidersConfig;

/**
 * What a clinic's provider said about the person in the ID token it signed (Quarkus checked its signature, issuer,
 * audience and expiry, and the flow's state, before the console sees it).
 *
 * @param role the console role its claim grants, or null
 */
public record ProviderAccount(String issuer, String subject, String email, boolean emailVerified, String name,
        String role) {

    public static ProviderAccount of(JsonWebToken idToken, ClinicProvidersConfig.Provider provider) {
        Object verified = idToken.getClaim("email_verified");
        String email = idToken.getClaim("email");
        String name = idToken.getClaim("name");
        return new ProviderAccount(idToken.getIssuer(), idToken.getSubject(), email,
                Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified)), name,
                RoleClaim.roleOf(idToken::getClaim, provider));
    }
}
