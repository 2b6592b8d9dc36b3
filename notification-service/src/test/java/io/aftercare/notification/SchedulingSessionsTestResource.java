package io.aftercare.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for scheduling's credential check ({@code GET /v1/clinics/{clinicId}/session}, 204 when the Basic
 * credentials are the clinic's), the one call this service makes to scheduling, so that tests can sign in as a
 * clinic: clinic {@code x}'s API key here is {@link #apiKey(String)}, shaped as scheduling issues them, until a test
 * {@link #revoke revokes} it.
 */
public class SchedulingSessionsTestResource implements QuarkusTestResourceLifecycleManager {

    private static HttpServer server;
    private static final java.util.Set<String> REVOKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public static String apiKey(String clinicId) {
        return "ak_" + keyId(clinicId) + "_secret-of-" + clinicId;
    }

    public static String keyId(String clinicId) {
        return String.format("%016x", clinicId.hashCode() & 0xffffffffL);
    }

    private static final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> CHECKS = new java.util.concurrent.ConcurrentHashMap<>();

    /** How many times this service asked about the clinic's credentials. */
    public static int checks(String clinicId) {
        return CHECKS.getOrDefault(clinicId, new java.util.concurrent.atomic.AtomicInteger()).get();
    }

    /** From now on scheduling refuses the clinic's key, as after a revocation. */
    public static void revoke(String clinicId) {
        REVOKED.add(clinicId);
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/v1/clinics/", exchange -> {
                String[] path = exchange.getRequestURI().getPath().split("/");
                String clinic = path.length == 5 && "session".equals(path[4]) ? path[3] : null;
                String expected = clinic == null
                        ? null
                        : "Basic " + Base64.getEncoder()
                                .encodeToString((clinic + ":" + apiKey(clinic)).getBytes(StandardCharsets.UTF_8));
                if (clinic != null) {
                    CHECKS.computeIfAbsent(clinic, c -> new java.util.concurrent.atomic.AtomicInteger())
                            .incrementAndGet();
                }
                boolean valid = expected != null && !REVOKED.contains(clinic)
                        && expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
                exchange.sendResponseHeaders(valid ? 204 : 401, -1);
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        }
        return Map.of("aftercare.scheduling.url", "http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped when the JVM exits
    }
}
