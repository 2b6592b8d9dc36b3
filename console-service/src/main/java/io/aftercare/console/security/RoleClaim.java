package io.aftercare.console.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.json.JsonString;

import io.aftercare.console.Role;
import io.aftercare.console.config.ClinicProvidersConfig;

/**
 * The console role an ID token's claim grants: the claim ({@code groups}, or a nested one such as
 * {@code realm_access/roles}) holds a string or a list of strings; the admin value makes a clinic admin, else the staff
 * value makes staff, else the person has no console role and is refused.
 */
public final class RoleClaim {

    private RoleClaim() {
    }

    /**
     * @param claims the token's top-level claims by name
     * @return {@link Role#CLINIC_ADMIN}, {@link Role#STAFF} or null
     */
    public static String roleOf(Function<String, Object> claims, ClinicProvidersConfig.Provider provider) {
        List<String> values = valuesAt(claims, provider.rolesClaim());
        if (values.contains(provider.adminValue())) {
            return Role.CLINIC_ADMIN;
        }
        return values.contains(provider.staffValue()) ? Role.STAFF : null;
    }

    /** The strings at a {@code /}-separated path of claims; empty when any step is missing. */
    static List<String> valuesAt(Function<String, Object> claims, String path) {
        String[] steps = path.split("/");
        Object node = claims.apply(steps[0]);
        for (int i = 1; i < steps.length && node != null; i++) {
            node = node instanceof Map<?, ?> object ? object.get(steps[i]) : null;
        }
        List<String> values = new ArrayList<>();
        collect(node, values);
        return values;
    }

    private static void collect(Object node, List<String> values) {
        if (node instanceof String text) {
            values.add(text);
        } else if (node instanceof JsonString text) {
            values.add(text.getString());
        } else if (node instanceof Collection<?> list) {
            for (Object element : list) {
                if (element instanceof String || element instanceof JsonString) {
                    collect(element, values);
                }
            }
        }
    }
}
