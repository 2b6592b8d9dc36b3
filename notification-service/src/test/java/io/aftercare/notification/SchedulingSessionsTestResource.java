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
 * clinic: clinic {@code x}'s API key here is {@link #apiKey(String) key-x}.
 */
public class SchedulingSessionsTestResource implements QuarkusTestResourceLifecycleManager {

    private static HttpServer server;

    public static String apiKey(String clinicId) {
        return "key-" + clinicId;
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
                boolean valid = expected != null
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
