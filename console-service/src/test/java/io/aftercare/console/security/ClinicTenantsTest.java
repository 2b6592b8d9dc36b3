package io.aftercare.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aftercare.console.config.ClinicProvidersConfig;
import io.quarkus.oidc.runtime.OidcTenantConfig.Authentication;

/**
 * The code-flow tenant a clinic's provider gets: PKCE and a nonce, with a state secret of its own derived from its
 * client secret. That Keycloak then requires and gets them is {@link ProviderSignInTest}'s.
 */
class ClinicTenantsTest {

    private static final String SECRET_A = "client-secret-of-clinic-a-0123456789";
    private static final String SECRET_B = "client-secret-of-clinic-b-0123456789";

    private final ClinicTenants tenants = new ClinicTenants(() -> Map.of("clinic-a", provider(SECRET_A),
            "clinic.b", provider(SECRET_B), "clinic-c", provider(SECRET_A)));

    @Test
    void eachClinicsFlowSendsAnS256ChallengeAndANonce() {
        Authentication authentication = tenants.tenantOf("clinic-a").authentication();

        assertThat(authentication.pkceRequired()).contains(true);
        assertThat(authentication.nonceRequired()).isTrue();
    }

    @Test
    void theStateSecretIsLongEnoughDerivedPerClinicAndNeverTheClientSecret() {
        String a = tenants.tenantOf("clinic-a").authentication().stateSecret().orElseThrow();
        String b = tenants.tenantOf("clinic.b").authentication().stateSecret().orElseThrow();
        String c = tenants.tenantOf("clinic-c").authentication().stateSecret().orElseThrow();

        assertThat(a).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(SECRET_A).doesNotContain(SECRET_A);
        // Stable: another console instance, given the same configuration, opens the same state cookie.
        assertThat(new ClinicTenants(() -> Map.of("clinic-a", provider(SECRET_A))).tenantOf("clinic-a")
                .authentication().stateSecret()).contains(a);
        assertThat(b).isNotEqualTo(a);
        // The same client secret at two clinics still gives each a key of its own.
        assertThat(c).isNotEqualTo(a);
        assertThat(ClinicTenants.stateSecret("clinic-a", SECRET_B)).isNotEqualTo(a);
    }

    private static ClinicProvidersConfig.Provider provider(String secret) {
        return new TestProvider("https://login.clinic.example/realms/staff", "aftercare-console", secret,
                "Clinic login",
                "groups");
    }
}
