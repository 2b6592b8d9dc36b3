package io.aftercare.notification.client;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The outbound policy with loopback refused, as in production (plain http stays allowed: the receiver is local). */
public class LoopbackRefused implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("aftercare.outbound.allow-loopback", "false");
    }
}
