package io.aftercare.console.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.console.config.ClinicProvidersConfig;
import io.aftercare.console.service.Tokens;
import io.aftercare.problem.InputPatterns;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * One OpenID Connect tenant per clinic that has a provider, built from {@link ClinicProvidersConfig} when the clinic's
 * path is first asked for: the code flow runs only on {@value #PATH}{clinicId} (the redirect URI a clinic registers at
 * its provider), and every other path resolves no tenant, so that Quarkus' own (disabled) default tenant answers and
 * the console's session cookie alone signs people in there.
 * <p>
 * Quarkus names the flow's cookies after the tenant ({@code q_auth_<tenant>}, {@code q_session_<tenant>}) and reads the
 * tenant back from the name up to the first underscore; a clinic id may hold underscores and dots, so the tenant id is
 * a digest of it. The cookies are limited to {@value #PATH}, and the session one lives only for the moment between
 * the provider's answer and the console's own session (the resource removes it).
 * <p>
 * The flow sends a PKCE challenge (S256) and a nonce, and checks the nonce in the ID token: a code caught on its way
 * back cannot be redeemed without the verifier, and an ID token cannot be replayed into another sign-in. Quarkus keeps
 * the verifier and the nonce in the state cookie, encrypted with the tenant's state secret; that secret is derived
 * from the clinic's client secret (which has no default anywhere), so that every console instance derives the same
 * one and the provider's answer may reach any of them, and it is never the client secret itself.
 */
@ApplicationScoped
public class ClinicTenants implements TenantConfigResolver {

    /** Where the code flow runs, followed by the clinic id. */
    public static final String PATH = "/oidc/";

    private final ClinicProvidersConfig config;
    private final Map<String, OidcTenantConfig> tenants = new ConcurrentHashMap<>();

    public ClinicTenants(ClinicProvidersConfig config) {
        this.config = config;
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        Optional<String> clinicId = clinicOf(context.normalizedPath());
        if (clinicId.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(tenants.computeIfAbsent(clinicId.get(), this::tenantOf));
    }

    /** The provider of this clinic, if it has one. */
    public Optional<ClinicProvidersConfig.Provider> providerOf(String clinicId) {
        return clinicId == null || !clinicId.matches(InputPatterns.CLINIC_ID)
                ? Optional.empty()
                : Optional.ofNullable(config.clinics().get(clinicId));
    }

    /** The clinic a code-flow path names, when that clinic has a provider. */
    Optional<String> clinicOf(String path) {
        if (path == null || !path.startsWith(PATH)) {
            return Optional.empty();
        }
        String clinicId = path.substring(PATH.length());
        return providerOf(clinicId).map(provider -> clinicId);
    }

    /** Quarkus' tenant id for the clinic: stable across instances, with no underscore. */
    public static String tenantId(String clinicId) {
        return "clinic" + Tokens.sha256(clinicId).substring(0, 24);
    }

    /**
     * The key of the clinic's state cookie: an HMAC-SHA256 of the clinic id under its client secret, in hex (64
     * characters; Quarkus wants 32 or more). One clinic's key opens no other's cookie.
     */
    static String stateSecret(String clinicId, String clientSecret) {
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalStateException("clinic " + clinicId + " has a provider without a client secret");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("oidc-state|" + clinicId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    OidcTenantConfig tenantOf(String clinicId) {
        ClinicProvidersConfig.Provider provider = config.clinics().get(clinicId);
        String[] scopes = Arrays.stream(provider.scopes().split(","))
                .map(String::strip)
                .filter(scope -> !scope.isEmpty())
                .toArray(String[]::new);
        return OidcTenantConfig.builder()
                .tenantId(tenantId(clinicId))
                .applicationType(ApplicationType.WEB_APP)
                .authServerUrl(provider.issuer())
                .clientId(provider.clientId())
                .credentials(provider.clientSecret())
                .authentication()
                .scopes(scopes)
                .cookiePath(PATH.substring(0, PATH.length() - 1))
                .javaScriptAutoRedirect(false)
                .pkceRequired(true)
                .nonceRequired(true)
                .stateSecret(stateSecret(clinicId, provider.clientSecret()))
                .end()
                .build();
    }
}
