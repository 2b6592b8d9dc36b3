package io.aftercare.scheduling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one restarted application of this module's tests, shared by the two classes that need one (each restart costs
 * the build about 13 s): production's outbound policy for the URLs clinics give, https only and no loopback
 * (OutboundUrlsTest; the test profile allows both), and a guidance that takes connections and never answers, behind a
 * breaker with a short time limit (GuidanceCircuitTest). Neither reaches what the other changes: guidance is no URL a
 * clinic gives, and OutboundUrlsTest plans no booking. GuidanceCircuitTest runs first (classes run by name within a
 * profile), so that it finds its breaker closed.
 */
public class ProductionOutboundAndSilentGuidance implements QuarkusTestProfile {

    public static final int VOLUME = 4;
    public static final long TIME_LIMIT_MS = 400;
    public static final String SILENT_URL = "http://127.0.0.1:";
    private static final String BREAKER = "quarkus.fault-tolerance.\"io.aftercare.scheduling.client.GuidanceCircuit/plan\".";

    /** Accepts connections into its backlog and never reads them: every request waits for an answer. */
    private static final ServerSocket SILENT = silentServer();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("aftercare.outbound.allow-http", "false", "aftercare.outbound.allow-loopback", "false",
                "quarkus.rest-client.guidance.url", SILENT_URL + SILENT.getLocalPort(),
                BREAKER + "timeout.value", String.valueOf(TIME_LIMIT_MS),
                BREAKER + "circuit-breaker.request-volume-threshold", String.valueOf(VOLUME),
                BREAKER + "circuit-breaker.failure-ratio", "1.0",
                BREAKER + "circuit-breaker.delay", "60000");
    }

    private static ServerSocket silentServer() {
        try {
            return new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
