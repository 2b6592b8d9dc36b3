package io.aftercare.scheduling.outbound;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The outbound policy as production has it: https only, no loopback (the test profile allows both). */
public class ProductionOutbound implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("aftercare.outbound.allow-http", "false", "aftercare.outbound.allow-loopback", "false");
    }
}
