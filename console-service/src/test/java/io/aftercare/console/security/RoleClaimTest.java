package io.aftercare.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

import io.aftercare.console.Role;
import io.aftercare.console.config.ClinicProvidersConfig;

/** The claim that grants a console role: flat or nested, a list or one string, as JSON or as Java values. */
class RoleClaimTest {

    @Test
    void theAdminValueMakesAClinicAdminEvenBesideTheStaffValue() {
        assertThat(RoleClaim.roleOf(Map.of("groups", List.of("staff", "clinic-admin"))::get, provider("groups")))
                .isEqualTo(Role.CLINIC_ADMIN);
        assertThat(RoleClaim.roleOf(Map.of("groups", List.of("nurses", "staff"))::get, provider("groups")))
                .isEqualTo(Role.STAFF);
        assertThat(RoleClaim.roleOf(Map.of("groups", "staff")::get, provider("groups"))).isEqualTo(Role.STAFF);
    }

    @Test
    void aNestedClaimIsFoundByItsPathAsTheTokenGivesIt() {
        Object realmAccess = Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("offline_access").add("clinic-admin"))
                .build();
        assertThat(RoleClaim.roleOf(Map.of("realm_access", realmAccess)::get, provider("realm_access/roles")))
                .isEqualTo(Role.CLINIC_ADMIN);
    }

    @Test
    void noMatchingValueOrNoClaimGrantsNoRole() {
        assertThat(RoleClaim.roleOf(Map.of("groups", List.of("Staff", "admins"))::get, provider("groups"))).isNull();
        assertThat(RoleClaim.roleOf(Map.<String, Object>of()::get, provider("groups"))).isNull();
        assertThat(RoleClaim.roleOf(Map.of("realm_access", "staff")::get, provider("realm_access/roles"))).isNull();
        assertThat(RoleClaim.roleOf(Map.of("groups", Map.of("staff", true))::get, provider("groups"))).isNull();
    }

    private static ClinicProvidersConfig.Provider provider(String claim) {
        return new TestProvider("https://idp.example", "console", "not-used", "IdP", claim);
    }
}
